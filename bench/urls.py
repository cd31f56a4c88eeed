"""The app's URLconf, untouched, plus the baseline page the bench compares against."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/baseline/", views.baseline, name="bench_baseline"),
    path("", include("osteoactive.urls")),
]
