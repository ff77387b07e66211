"""Uploads in S3-compatible object storage, against moto's S3 server on this machine: images
and their renditions land in the bucket with public URLs on the media domain, and private
documents are still served only through /dokumenter/, after the privacy check."""

import boto3
import pytest
from django.core.files.base import ContentFile
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import make_image
from tests.production import production_settings
from tests.servers import free_port

BUCKET = "innovasjon-media"
MEDIA_DOMAIN = "media.innovasjon.example.no"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}
SECRET = b"HEMMELIG-INNHOLD: bare for innloggede"


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on 127.0.0.1, with an empty bucket: nothing goes to the internet."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    _client(endpoint).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
    )
    yield endpoint
    server.stop()


def _client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-north-1",
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )


def _keys(endpoint, prefix):
    listing = _client(endpoint).list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return {item["Key"] for item in listing.get("Contents", [])}


@pytest.fixture
def s3_storage(settings, s3_endpoint):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "eu-north-1",
                "custom_domain": MEDIA_DOMAIN,
                "default_acl": None,
                "querystring_auth": False,
                "file_overwrite": False,
                **CREDENTIALS,
            },
        },
    }
    return s3_endpoint


def test_an_image_and_its_rendition_land_in_the_bucket_with_media_domain_urls(db, s3_storage):
    image = make_image(title="Bilde i skyen")
    assert image.file.name in _keys(s3_storage, "original_images/")
    rendition = image.get_rendition("fill-320x180")
    assert rendition.file.name.startswith("images/")
    assert rendition.file.name in _keys(s3_storage, "images/")
    assert rendition.url == f"https://{MEDIA_DOMAIN}/{rendition.file.name}"
    assert (rendition.width, rendition.height) == (320, 180)


def test_a_private_document_in_the_bucket_is_served_only_through_dokumenter(
    client, db, s3_storage, admin_user
):
    collection = Collection.get_first_root_node().add_child(name="Interne dokumenter")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Intern rapport", collection=collection)
    document.file.save("intern.txt", ContentFile(SECRET), save=False)
    document.save()
    assert document.file.name in _keys(s3_storage, "documents/")
    assert document.url.startswith("/dokumenter/")

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"] or "login" in anonymous["Location"]
    assert MEDIA_DOMAIN not in anonymous["Location"]

    client.force_login(admin_user)
    response = client.get(document.url)
    assert response.status_code == 200, "streamed by the app, not redirected to the bucket"
    assert b"".join(response.streaming_content) == SECRET


def test_production_stores_media_in_s3_only_when_a_bucket_is_named():
    def run(overrides):
        loaded = production_settings(overrides)
        return {"storage": loaded.STORAGES["default"], "documents": loaded.WAGTAILDOCS_SERVE_METHOD}

    local = run({})
    assert local["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["documents"] == "serve_view"
    s3 = run(
        {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": "https://s3.example.no",
            "AWS_S3_REGION_NAME": "eu-north-1",
            "AWS_S3_CUSTOM_DOMAIN": MEDIA_DOMAIN,
            "AWS_SECRET_ACCESS_KEY": "aldri-i-innstillingene",
        }
    )
    assert s3["storage"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": "https://s3.example.no",
            "region_name": "eu-north-1",
            "custom_domain": MEDIA_DOMAIN,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    assert s3["documents"] == "serve_view"
