from tests.bot.storage.dbfixtures import db, db_url, pg_url

__all__ = ["db", "db_url", "pg_url"]
