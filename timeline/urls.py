from django.contrib import admin
from django.urls import path

from timeline import views

urlpatterns = [
    path("", views.chronology, name="chronology"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("admin/", admin.site.urls),
]
