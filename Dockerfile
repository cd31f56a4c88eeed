FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
COPY . .
RUN pip install --no-cache-dir . && python manage.py compilemessages --ignore='*/site-packages/*'
ENV DJANGO_SETTINGS_MODULE=osteoactive.settings.base PYTHONUNBUFFERED=1
USER nobody
