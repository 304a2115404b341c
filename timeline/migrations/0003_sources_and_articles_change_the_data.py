# Pages are now cached whole (timeline/views.py), and a page shows its sources' article titles:
# writes to sources and articles count as data changes too.

from django.db import migrations

TABLES = ("timeline_source", "articles_article")
TRIGGERS = "".join(
    f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_note_data_change();\n"
    for table in TABLES
)
DROP = "".join(f"DROP TRIGGER {table}_changed ON {table};\n" for table in TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_data_changes_and_chronology_indexes"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunSQL(TRIGGERS, reverse_sql=DROP)]
