package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/payments/internal/api"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	addr := os.Getenv("LISTEN_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	srv := &http.Server{Addr: addr, Handler: api.Router(os.Getenv("STRIPE_WEBHOOK_SECRET"))}
	go func() { _ = srv.ListenAndServe() }()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	logger.Info("shutting down")
	_ = srv.Shutdown(ctx)
}
