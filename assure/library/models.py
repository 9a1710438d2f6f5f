"""Versioned reference content: each YAML document under library/ is stored once per version.

A record that uses reference content points at the LibraryItem of the exact version it used, so
loading a new version of a framework never rewrites history.
"""

from django.db import models


class LibraryDocument(models.Model):
    urn = models.CharField(max_length=200)
    version = models.PositiveIntegerField()
    kind = models.CharField(max_length=60, help_text="What the document's items are, e.g. role, rating-scale.")
    provider = models.CharField(max_length=100, help_text="Who wrote it: 'assure' or a partnership's slug.")
    title = models.CharField(max_length=200)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the validated content.")
    source_path = models.CharField(max_length=300)
    content = models.JSONField(help_text="The validated document, items included.")
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["urn", "version"], name="library_document_urn_version")]
        ordering = ["kind", "urn", "-version"]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class LibraryItem(models.Model):
    document = models.ForeignKey(LibraryDocument, on_delete=models.PROTECT, related_name="items")
    urn = models.CharField(max_length=200)
    kind = models.CharField(max_length=60)
    code = models.CharField(max_length=100)
    title = models.CharField(max_length=300)
    position = models.PositiveIntegerField()
    data = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "urn"], name="library_item_document_urn")]
        indexes = [models.Index(fields=["kind", "code"])]
        ordering = ["document", "position"]

    def __str__(self) -> str:
        return self.title
