package com.example.orders;

import jakarta.validation.constraints.NotBlank;

public record Order(long id, @NotBlank String status) {}
