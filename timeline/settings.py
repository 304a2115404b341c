"""Settings for the Russia–Azerbaijan timeline.

One file, read from the environment. Laptop defaults are safe (DEBUG off unless
asked for, loopback hosts only, a local PostgreSQL cluster); production sets
DJANGO_ENV=production, DATABASE_URL, SECRET_KEY and ALLOWED_HOSTS, and leaves DEBUG unset.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def read_env_file(path: Path) -> None:
    """``KEY=value`` lines of the checkout's ``.env`` (written by ``make db`` for the local
    PostgreSQL) become environment variables, unless already set."""
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, sep, value = line.strip().partition("=")
            if sep and key and not key.startswith("#"):
                os.environ.setdefault(key.strip(), value.strip())


read_env_file(BASE_DIR / ".env")


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# DJANGO_ENV=production is the one switch to production: it requires a real SECRET_KEY and
# ALLOWED_HOSTS, refuses DEBUG, and turns on HTTPS-only cookies, the HTTPS redirect and HSTS.
# Anything else on a laptop, in tests and in CI keeps working with nothing set.
DJANGO_ENV = os.environ.get("DJANGO_ENV", "development").strip().lower() or "development"
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV={DJANGO_ENV!r} is not understood: use 'production' or leave it unset"
    )
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DEBUG", False)
INSECURE_DEV_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip() or INSECURE_DEV_KEY
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver"
)
if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production (unset DEBUG or set DEBUG=0)")
    if SECRET_KEY == INSECURE_DEV_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a long random value in production (it is "
            + ("unset" if not os.environ.get("SECRET_KEY", "").strip() else "the development key")
            + "); generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must list the site's host names in production, e.g. "
            "ALLOWED_HOSTS=timeline.example.org"
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "articles",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "timeline.ops.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "timeline.ops.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# `make db` starts this checkout's own PostgreSQL and writes its DATABASE_URL to .env; with
# neither, the machine's default PostgreSQL socket and a database named "timeline".
try:
    DATABASES = {
        "default": dj_database_url.config(
            default="postgres:///timeline", conn_max_age=60, conn_health_checks=True
        )
    }
except Exception as exc:  # an unknown scheme or a malformed URL
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a valid database URL ({exc}); "
        "expected postgres://user:password@host:port/name"
    ) from exc
# Several test runs may share one cluster (developers, helpers, CI); a suffix keeps them apart.
DATABASES["default"]["TEST"] = {
    "NAME": "test_timeline" + os.environ.get("TEST_DB_SUFFIX", ""),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Serve straight from static/ when collectstatic has not run (tests, a first `make run`).
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Each process keeps its own copy of values derived from the archive and of rendered
# chronology pages (timeline/datacache.py), valid until the data changes. A page is ~90 KB:
# 1,000 entries bound a worker's cache near 100 MB. A shared cache (Redis, Memcached) works too.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "1000"))},
    }
}

LOGIN_URL = "admin:login"

# Background imports run on Django's Tasks API (the django-tasks backport of Django 6's
# django.tasks). The default queue is PostgreSQL itself (django-tasks-db): workers on any host
# share it with only DATABASE_URL (`manage.py import_worker`). Another backend (RQ, Celery)
# is a change here, not in the code: see the README, "Background imports".
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Articles per task of a background import, and per transaction within it.
IMPORT_CHUNK = int(os.environ.get("IMPORT_CHUNK", "200"))
IMPORT_BATCH = int(os.environ.get("IMPORT_BATCH", "100"))

# Largest article file the import accepts; larger files are refused before being read.
ARTICLE_MAX_BYTES = int(os.environ.get("ARTICLE_MAX_BYTES", str(2 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_MAX_BYTES + 1024 * 1024
# Largest feed (JSON Lines or CSV, many articles) or zip of text files an import reads.
FEED_MAX_BYTES = int(os.environ.get("FEED_MAX_BYTES", str(200 * 1024 * 1024)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Security ----------------------------------------------------------------------------------
# Headers on every response (Django's defaults, written out so they are visibly chosen); the
# Content-Security-Policy comes from timeline.ops.middleware.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Behind a proxy that terminates TLS: SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https
# (only if the proxy always sets that header itself); CSRF_TRUSTED_ORIGINS when the proxy
# changes the host name.
_proxy_header = env_list("SECURE_PROXY_SSL_HEADER", "")
if _proxy_header:
    if len(_proxy_header) != 2:
        raise ImproperlyConfigured(
            "SECURE_PROXY_SSL_HEADER must be a header and a value, "
            "e.g. HTTP_X_FORWARDED_PROTO,https"
        )
    SECURE_PROXY_SSL_HEADER = (_proxy_header[0], _proxy_header[1])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# HTTPS only in production; each can be turned off from the environment
# (e.g. SECURE_SSL_REDIRECT=0 when the proxy already redirects).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
try:
    SECURE_HSTS_SECONDS = int(
        os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600 if PRODUCTION else 0))
    )
except ValueError as exc:
    raise ImproperlyConfigured("SECURE_HSTS_SECONDS must be a number of seconds") from exc
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
