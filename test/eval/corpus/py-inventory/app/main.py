import os

import sentry_sdk
import structlog
from fastapi import FastAPI

from app.db import engine

sentry_sdk.init(dsn=os.getenv("SENTRY_DSN"), traces_sample_rate=0.1)
log = structlog.get_logger()
app = FastAPI(title="inventory")


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/items/{item_id}")
def read_item(item_id: int):
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT name FROM items WHERE id = %s", (item_id,)).first()
    log.info("item_read", item_id=item_id)
    return {"id": item_id, "name": row[0] if row else None}
