defmodule Notifier.MixProject do
  use Mix.Project

  def project do
    [app: :notifier, version: "2.3.0", elixir: "~> 1.16", deps: deps(), aliases: aliases()]
  end

  defp deps do
    [
      {:phoenix, "~> 1.7"},
      {:ecto_sql, "~> 3.11"},
      {:postgrex, ">= 0.0.0"},
      {:credo, "~> 1.7", only: [:dev, :test], runtime: false},
      {:excoveralls, "~> 0.18", only: :test}
    ]
  end

  defp aliases do
    ["ecto.setup": ["ecto.create", "ecto.migrate"], check: ["format --check-formatted", "credo --strict"]]
  end
end
