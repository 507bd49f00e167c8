defmodule NotifierWeb.Router do
  use Phoenix.Router

  pipeline :api do
    plug :accepts, ["json"]
  end

  scope "/", NotifierWeb do
    get "/health", HealthController, :index
  end

  scope "/api", NotifierWeb do
    pipe_through :api
    post "/notifications", NotificationController, :create
  end
end
