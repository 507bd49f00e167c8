module example.com/payments

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/prometheus/client_golang v1.19.0
	go.uber.org/zap v1.27.0
)
