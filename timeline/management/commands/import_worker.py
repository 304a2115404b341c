"""Run a background-import worker: the Tasks API's database worker, plus the recovery of
chunks whose worker died (at start, then every few seconds)."""

from __future__ import annotations

import gc
import logging
import os
import socket
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from timeline.importing import recover_abandoned


class Command(BaseCommand):
    help = "Import enqueued articles (any number of workers, on any host, share the queue)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--until-done",
            action="store_true",
            help="exit once no task is waiting (for scripts and tests)",
        )
        parser.add_argument(
            "--recover-every",
            type=float,
            default=15.0,
            help="seconds between looks for chunks whose worker died (default 15)",
        )
        parser.add_argument(
            "--interval", type=float, default=0.5, help="seconds between polls when idle"
        )
        parser.add_argument(
            "--recover-only",
            action="store_true",
            help="only send again the chunks whose worker died, then exit (for a schedule, "
            "when another queue's workers run the tasks)",
        )

    def handle(self, *args, **options):
        sent = recover_abandoned()
        if sent or options["recover_only"]:
            self.stdout.write(f"sent again {sent} chunks whose worker had stopped")
        if options["recover_only"]:
            return
        # Everything loaded so far (Django, the extraction's patterns and vocabularies) lives as
        # long as the worker: the garbage collector need not walk it again and again.
        gc.freeze()
        stop = threading.Event()
        watcher = threading.Thread(
            target=_recover_while, args=(stop, options["recover_every"]), daemon=True
        )
        watcher.start()
        try:
            call_command(
                "db_worker",
                batch=options["until_done"],
                interval=options["interval"],
                reload=False,
                startup_delay=False,
                worker_id=f"{socket.gethostname()}-{os.getpid()}"[:64],
                verbosity=options["verbosity"],
            )
        finally:
            stop.set()


def _recover_while(stop: threading.Event, every: float) -> None:
    """Recovery on the worker's side thread, with its own database connection."""
    while not stop.wait(every):
        try:
            close_old_connections()
            recover_abandoned()
        except Exception:  # the next round tries again; the worker itself goes on
            logging.getLogger(__name__).exception("recovery of import chunks failed")
            connection.close()
