"""Checks uploaded pictures and re-encodes them, so nothing but plain pixels is ever stored.

The format is decided by the file's first bytes before Pillow sees it, and Pillow is then only
allowed the three decoders we accept: formats Pillow hands to outside programs (EPS and PDF go
to Ghostscript) are never reached from a request, whatever the file is called."""

import io

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 6000 * 6000
ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP")


class ServedFieldFile(FieldFile):
    """A stored file whose URL is the view that serves it after checking the clinic: the app
    gives nothing under MEDIA_ROOT a URL of its own."""

    def __init__(self, field_file, url):
        super().__init__(field_file.instance, field_file.field, field_file.name)
        self.served_url = url

    @property
    def url(self):
        return self.served_url


def link_through_view(form, name, url):
    """Makes the form's "currently" link for file field `name` point at `url`."""
    current = form.initial.get(name)
    if current:
        form.initial[name] = ServedFieldFile(current, url)


def sniffed_format(head: bytes) -> str | None:
    """PNG, JPEG or WEBP from the file's signature; None for anything else."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def validated_image(upload):
    """Returns a fresh PNG or JPEG copy of an uploaded JPEG/PNG/WebP, or raises ValidationError."""
    if upload.size > MAX_IMAGE_BYTES:
        raise forms.ValidationError(_("The picture is larger than 5 MB."))
    upload.seek(0)
    claimed = sniffed_format(upload.read(16))
    if claimed is None:
        raise forms.ValidationError(_("Upload a JPEG, PNG or WebP picture."))
    try:
        upload.seek(0)
        with Image.open(upload, formats=[claimed]) as probe:
            if probe.width * probe.height > MAX_IMAGE_PIXELS:
                raise forms.ValidationError(_("The picture has too many pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload, formats=[claimed]) as image:
            image.load()
            has_alpha = image.mode in ("RGBA", "LA", "P")
            clean = image.convert("RGBA" if has_alpha else "RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise forms.ValidationError(_("The file is not a picture we can read.")) from error
    output = io.BytesIO()
    if has_alpha:
        clean.save(output, format="PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        clean.save(output, format="JPEG", quality=88)
        extension, content_type = "jpg", "image/jpeg"
    stem = (upload.name or "picture").rsplit(".", 1)[0][:60] or "picture"
    return SimpleUploadedFile(f"{stem}.{extension}", output.getvalue(), content_type=content_type)
