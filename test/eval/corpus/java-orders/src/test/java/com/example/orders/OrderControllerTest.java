package com.example.orders;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderControllerTest {
    @Test
    void returnsPending() {
        assertEquals("pending", new OrderController().get(1).status());
    }
}
