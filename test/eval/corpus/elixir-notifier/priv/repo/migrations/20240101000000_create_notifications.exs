defmodule Notifier.Repo.Migrations.CreateNotifications do
  use Ecto.Migration

  def change do
    create table(:notifications) do
      add :channel_id, :string
      timestamps()
    end
  end
end
