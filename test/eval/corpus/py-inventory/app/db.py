import os

from sqlalchemy import create_engine

engine = create_engine(os.environ["DATABASE_URL"], pool_size=int(os.getenv("DB_POOL_SIZE", "5")))
