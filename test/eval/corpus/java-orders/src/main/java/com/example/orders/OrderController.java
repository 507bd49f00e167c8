package com.example.orders;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/orders")
public class OrderController {
    @GetMapping("/{id}")
    public Order get(@PathVariable long id) {
        return new Order(id, "pending");
    }

    @PostMapping
    public Order create(@Valid @RequestBody Order order) {
        return order;
    }
}
