defmodule NotifierWeb.HealthTest do
  use ExUnit.Case

  test "health returns ok" do
    assert NotifierWeb.HealthController.status() == :ok
  end
end
