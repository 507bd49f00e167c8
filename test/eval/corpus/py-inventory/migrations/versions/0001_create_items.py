"""create items"""
from alembic import op
import sqlalchemy as sa

revision = "0001"


def upgrade():
    op.create_table("items", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(200)))
