defmodule Notifier.Discord do
  @moduledoc "Posts notifications to Discord."

  def token, do: System.fetch_env!("DISCORD_BOT_TOKEN")
  def channel_id, do: System.get_env("DISCORD_CHANNEL_ID")
end
