"""Uploads are judged by their first bytes before anything decodes them: a PostScript file
named .png never reaches Pillow's EPS plugin, and so never starts Ghostscript."""

import io
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import EpsImagePlugin, Image

from osteoactive.models import Clinic
from osteoactive.uploads import validated_image

pytestmark = pytest.mark.django_db

# An endless PostScript loop, as the penetration test used: Ghostscript would spin on it.
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n{ } loop\nshowpage\n"


def picture(image_format, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, (40, 30), "teal").save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.fixture
def no_subprocess(monkeypatch):
    """Any attempt to start a program fails the test; Pillow is made to believe Ghostscript is
    present, so that only the order of the checks can keep it from being started."""
    started = []

    def refuse(*args, **kwargs):
        started.append(args)
        raise AssertionError(f"a subprocess was started: {args}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(EpsImagePlugin, "gs_binary", "gs")
    return started


def test_eps_named_png_is_refused_without_starting_a_program(
    admin_client_clinic, clinic, no_subprocess
):
    response = admin_client_clinic.post(
        reverse("clinic_settings"),
        {"name": clinic.name, "logo": SimpleUploadedFile("logo.png", EPS, "image/png")},
    )
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert no_subprocess == []
    assert not Clinic.objects.get(pk=clinic.pk).logo


def test_eps_is_refused_by_the_validator_itself(no_subprocess):
    with pytest.raises(ValidationError):
        validated_image(SimpleUploadedFile("x.png", EPS, "image/png"))
    assert no_subprocess == []


@pytest.mark.parametrize(
    "image_format,expected", [("PNG", "PNG"), ("JPEG", "JPEG"), ("WEBP", "WEBP"), ("GIF", None),
                              ("BMP", None), ("TIFF", None)],
)  # fmt: skip
def test_signatures(image_format, expected):
    from osteoactive.uploads import sniffed_format

    assert sniffed_format(picture(image_format)[:16]) == expected


def test_signature_and_content_must_agree(no_subprocess):
    """A PNG signature followed by something else is not decoded as that something else."""
    forged = b"\x89PNG\r\n\x1a\n" + EPS
    with pytest.raises(ValidationError):
        validated_image(SimpleUploadedFile("x.png", forged, "image/png"))


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_allowed_pictures_are_re_encoded(image_format, no_subprocess):
    clean = validated_image(SimpleUploadedFile("p.bin", picture(image_format), "image/x"))
    assert clean.name.endswith((".jpg", ".png"))
    assert Image.open(io.BytesIO(clean.read())).size == (40, 30)
