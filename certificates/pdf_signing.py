"""Signing certificate PDFs: PAdES baseline B-B, with the platform's document-signing certificate.

The platform's Ed25519 key signs the data in the QR code; many PDF readers refuse Ed25519 in a PDF
signature, so the PDF is signed with a separate X.509 certificate and key, configured by the operator
(CERTIFICATE_PDF_SIGNING_CERT and CERTIFICATE_PDF_SIGNING_KEY: PEM files; a certificate from a
trusted authority makes readers show the document as certified without any setup). When neither
file exists, a self-signed pair (ECDSA P-256, ten years) is created at the configured paths for the
embedded default and the tests, like `certificate_keys` does for the Ed25519 key. A new pair never
invalidates a PDF already issued: each signature carries its own certificate.
"""

from __future__ import annotations

import datetime
import fcntl
import hashlib
import io
import re
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

SIGNATURE_FIELD = "Signature"


def _paths() -> tuple[Path, Path]:
    from django.conf import settings

    return Path(settings.CERTIFICATE_PDF_SIGNING_CERT), Path(settings.CERTIFICATE_PDF_SIGNING_KEY)


def _write(path: Path, data: bytes, *, mode: int) -> None:
    """Replace `path` at once (a reader never sees half a file)."""
    temporary = path.with_name(path.name + ".new")
    temporary.write_bytes(data)
    temporary.chmod(mode)
    temporary.replace(path)


def ensure_files(*, common_name: str) -> bool:
    """Create a self-signed document-signing certificate and its key when neither file exists.

    True if created. Refuses nothing; a lock keeps two processes from writing mismatched halves.
    """
    cert_path, key_path = _paths()
    if cert_path.exists() and key_path.exists():
        return False
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    with open(cert_path.with_name(cert_path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if cert_path.exists() and key_path.exists():
            return False
        if cert_path.exists() or key_path.exists():
            raise FileNotFoundError(f"Only one of {cert_path} and {key_path} exists: give both, or neither.")
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64])])
        now = datetime.datetime.now(datetime.UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256())
        )
        _write(
            key_path,
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ),
            mode=0o600,  # readable by its owner only
        )
        _write(cert_path, certificate.public_bytes(serialization.Encoding.PEM), mode=0o644)
    return True


def _template_signer_class():
    from asn1crypto import cms
    from pyhanko.sign import signers

    class TemplateSigner(signers.SimpleSigner):
        """pyHanko's own PAdES signer, made cheap to repeat.

        pyHanko builds the CMS container from Python structures each time (about 50 ms, more than
        drawing the page). Here it builds it once, for a placeholder digest; for each PDF only the
        digest (in the signed attributes) and the signature over those attributes change. The
        attributes are otherwise constant for B-B: content type, message digest, the signing
        certificate's hash (ESS signing-certificate-v2) and the algorithm protection; the signing
        time lives in the PDF's /M, as PAdES asks. Anything else (a timestamp, another digest)
        goes through pyHanko unchanged.
        """

        _template = None

        async def async_sign(self, data_digest, digest_algorithm, dry_run=False, use_pades=False, **options):
            settings = options.get("signed_attr_settings")
            plain = not any(options.get(name) for name in ("timestamper", "encap_content_info")) and (
                settings is None
                or (settings.cades_signed_attrs is None and getattr(settings, "adobe_revinfo_attr", None) is None)
            )
            if not use_pades or digest_algorithm != "sha256" or not plain or len(data_digest) != 32:
                return await super().async_sign(data_digest, digest_algorithm, dry_run, use_pades, **options)
            if self._template is None:
                marker = bytes(range(1, 33))
                built = await super().async_sign(marker, digest_algorithm, False, True, **options)
                attributes = built["content"]["signer_infos"][0]["signed_attrs"]
                kinds = {attribute["type"].native for attribute in attributes}
                if "signing_time" in kinds or attributes.dump().count(marker) != 1:
                    return await super().async_sign(data_digest, digest_algorithm, dry_run, use_pades, **options)
                # Signed as a SET (tag 0x31); the SignerInfo holds them tagged [0] (0xA0), same length.
                self._template = (built.dump(), b"\x31" + attributes.dump()[1:], marker)
            container, attributes, marker = self._template
            if dry_run:  # pyHanko measuring the container: the template has its size
                return cms.ContentInfo.load(container)
            signed = cms.CMSAttributes.load(attributes.replace(marker, data_digest))
            signature = await self.async_sign_raw(signed.dump(), digest_algorithm)
            info = cms.ContentInfo.load(container)
            signer_info = info["content"]["signer_infos"][0]
            signer_info["signed_attrs"] = signed
            signer_info["signature"] = signature
            return info

    return TemplateSigner


@lru_cache(maxsize=4)
def _signer(cert_path: str, key_path: str, _stamp: tuple):
    """The signer, loaded once per file version (`_stamp`): reading the certificate and key for
    every PDF would cost more than the signature."""
    from pyhanko.sign import signers

    loaded = signers.SimpleSigner.load(key_path, cert_path)
    if loaded is None:
        raise ValueError(f"Cannot read the PDF signing key {key_path} or certificate {cert_path}.")
    return _template_signer_class()(
        signing_cert=loaded.signing_cert, signing_key=loaded.signing_key, cert_registry=loaded.cert_registry
    )


def sign(pdf: bytes, *, issuer: str) -> bytes:
    """`pdf` signed (PAdES B-B, SHA-256) by the document-signing certificate: an invisible signature
    over the whole file, appended as an incremental update so the drawn page stays byte for byte.

    The first PDF goes through pyHanko, which also builds the signer's template; the next ones take
    `_append_signature`, which writes the same incremental update directly (about a fifth of
    pyHanko's time: no parsing of the drawn page, no object model). Anything it does not expect
    (not a one-page reportlab file, a key that is not ECDSA) goes through pyHanko.
    The signature's space is reserved up front: letting pyHanko measure it signs the document twice.
    """
    ensure_files(common_name=issuer)
    cert_path, key_path = _paths()
    stamp = (cert_path.stat().st_mtime_ns, key_path.stat().st_mtime_ns)
    signer = _signer(str(cert_path), str(key_path), stamp)
    reserved = 2048 + sum(len(certificate.dump()) for certificate in signer.cert_registry)
    signed = _append_signature(pdf, signer, reserved=reserved)
    return signed if signed is not None else _sign_with_pyhanko(pdf, signer, reserved=reserved)


def _sign_with_pyhanko(pdf: bytes, signer, *, reserved: int) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    output = io.BytesIO()
    pdf_signer = signers.PdfSigner(metadata, signer=signer)
    _run(lambda: pdf_signer.async_sign_pdf(writer, output=output, bytes_reserved=reserved))
    return output.getvalue()


# What a reportlab file ends with: one classic cross-reference table and its trailer.
_TRAILER = re.compile(rb"\nxref\n0 (\d+)\n(.*?)trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)
_REFERENCE = rb"/%s\s+(\d+)\s+0\s+R"
# The catalog entries pyHanko writes for a PAdES signature made with ECDSA (ISO 32000-2 with the
# ESIC and ISO/TS 32002 extensions), so that both paths give readers the same document.
_CATALOG_EXTENSIONS = (
    b"/Version /2.0\n/Extensions <<\n/ESIC <<\n/Type /DeveloperExtensions\n/BaseVersion /1.7\n"
    b"/ExtensionLevel 1\n>>\n/ISO_ [ <<\n/Type /DeveloperExtensions\n/BaseVersion /2.0\n"
    b"/ExtensionLevel 32002\n/URL (https://www.iso.org/standard/45875.html)\n/ExtensionRevision (:2022)\n>> ]\n>>\n"
)
_BYTE_RANGE_WIDTH = 10


def _object(pdf: bytes, offsets: dict[int, int], number: int) -> bytes | None:
    """The dictionary of object `number` (without its `<<` `>>`), when it is a plain dictionary."""
    start = offsets.get(number)
    if start is None or not pdf.startswith(b"%d 0 obj" % number, start):
        return None
    end = pdf.find(b"endobj", start)
    body = pdf[start + len(b"%d 0 obj" % number) : end].strip()
    if not (body.startswith(b"<<") and body.endswith(b">>")) or b"stream" in body:
        return None
    return body[2:-2]


@lru_cache(maxsize=4)
def _ecdsa_key(der: bytes):
    from cryptography.hazmat.primitives.serialization import load_der_private_key

    key = load_der_private_key(der, password=None)
    return key if isinstance(key, ec.EllipticCurvePrivateKey) else None


def _append_signature(pdf: bytes, signer, *, reserved: int) -> bytes | None:
    """`pdf` with the incremental update pyHanko would append (signature field and widget on the page,
    the AcroForm, the signature dictionary with its CMS), or None when `pdf` is not the one-page,
    one-revision file reportlab writes or the signer's template is not built yet."""
    template = getattr(signer, "_template", None)
    key = _ecdsa_key(signer.signing_key.dump())
    parsed = _single_page(pdf) if template is not None and key is not None else None
    if parsed is None:
        return None
    out, signature_at = _update(pdf, parsed, reserved=reserved)
    return _sign_contents(out, signature_at, template=template, key=key, reserved=reserved)


def _single_page(pdf: bytes) -> dict | None:
    """What the update needs from a one-revision, one-page, unsigned, unencrypted file: its object
    count, previous xref, Root and Info references, file id, catalog, page number and page; or None."""
    trailer = _TRAILER.search(pdf, max(0, len(pdf) - 65536))
    if trailer is None or pdf.count(b"startxref") != 1:
        return None
    count, table, dictionary, previous = int(trailer[1]), trailer[2].split(), trailer[3], int(trailer[4])
    if len(table) != 3 * count or b"/Encrypt" in dictionary or b"/Prev" in dictionary:
        return None
    offsets = {number: int(table[3 * number]) for number in range(1, count) if table[3 * number + 2] == b"n"}
    found = {name: re.search(_REFERENCE % name, dictionary) for name in (b"Root", b"Info")}
    identifier = re.search(rb"/ID\s*\[\s*<([0-9a-fA-F]+)>", dictionary)
    if found[b"Root"] is None or identifier is None:
        return None
    root = int(found[b"Root"][1])
    catalog = _object(pdf, offsets, root)
    pages = re.search(_REFERENCE % b"Pages", catalog or b"")
    kids = _object(pdf, offsets, int(pages[1])) if pages else None
    kids_list = re.search(rb"/Kids\s*\[(.*?)\]", kids) if kids else None
    page_numbers = re.findall(rb"(\d+)\s+0\s+R", kids_list[1]) if kids_list else []
    if catalog is None or len(page_numbers) != 1 or re.search(rb"/(AcroForm|Version|Extensions)\b", catalog):
        return None
    page_number = int(page_numbers[0])
    page = _object(pdf, offsets, page_number)
    if page is None or b"/Annots" in page:
        return None
    info = found[b"Info"][1] if found[b"Info"] else None
    return {
        "count": count,
        "previous": previous,
        "root": root,
        "info": info,
        "identifier": identifier[1],
        "catalog": catalog,
        "page_number": page_number,
        "page": page,
    }


def _update(pdf: bytes, parsed: dict, *, reserved: int) -> tuple[bytearray, int]:
    """`pdf` followed by the incremental update with placeholders for /ByteRange and /Contents, and
    the offset of the signature dictionary's object."""
    field, signature = parsed["count"], parsed["count"] + 1
    page_number, root = parsed["page_number"], parsed["root"]
    now = datetime.datetime.now(datetime.UTC).strftime("D:%Y%m%d%H%M%SZ").encode()
    placeholder = b"0" * _BYTE_RANGE_WIDTH
    objects = {
        page_number: b"<<" + parsed["page"] + b"\n/Annots [ %d 0 R ]\n>>" % field,
        root: b"<<"
        + parsed["catalog"]
        + b"\n/AcroForm <<\n/Fields [ %d 0 R ]\n/SigFlags 3\n>>\n" % field
        + _CATALOG_EXTENSIONS
        + b">>",
        field: b"<<\n/FT /Sig\n/T (%s)\n/Type /Annot\n/Subtype /Widget\n/F 132\n/Rect [ 0 0 0 0 ]\n"
        b"/P %d 0 R\n/V %d 0 R\n>>" % (SIGNATURE_FIELD.encode(), page_number, signature),
        signature: b"<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/M (%s)\n"
        b"/ByteRange [0 %s %s %s]\n/Contents <%s>\n>>"
        % (now, placeholder, placeholder, placeholder, b"0" * (2 * reserved)),
    }
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    written = {}
    for number in sorted(objects):
        written[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    runs: list[list[int]] = []
    for number in sorted(written):
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        out += b"%d %d\n" % (run[0], len(run)) + b"".join(b"%010d 00000 n \n" % written[n] for n in run)
    info = b"/Info %s 0 R\n" % parsed["info"] if parsed["info"] else b""
    new_id = hashlib.sha256(bytes(out[-4096:]) + now).hexdigest()[:32].encode()
    out += b"trailer\n<<\n/ID [ <%s> <%s> ]\n%s/Root %d 0 R\n/Size %d\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (
        parsed["identifier"],
        new_id,
        info,
        root,
        signature + 1,
        parsed["previous"],
        xref,
    )
    return out, written[signature]


def _sign_contents(out: bytearray, signature_at: int, *, template, key, reserved: int) -> bytes | None:
    """Fill /ByteRange, then /Contents with the CMS made from the signer's template (TemplateSigner
    above: only the digest and the signature change); None when something does not fit."""
    from asn1crypto import cms

    # The signed ranges: everything but the hexadecimal string of /Contents, its brackets included.
    start = out.index(b"/Contents <", signature_at) + len(b"/Contents ")
    end = start + 2 * reserved + 2
    ranges = (start, end, len(out) - end)
    field_at = out.index(b"/ByteRange [0 ", signature_at) + len(b"/ByteRange [0 ")
    values = b" ".join(str(value).encode().ljust(_BYTE_RANGE_WIDTH) for value in ranges)
    if len(values) != 3 * _BYTE_RANGE_WIDTH + 2:
        return None
    out[field_at : field_at + len(values)] = values
    digest = hashlib.sha256(bytes(out[:start]) + bytes(out[end:])).digest()

    container, attributes, marker = template
    signed = cms.CMSAttributes.load(attributes.replace(marker, digest))
    info_value = cms.ContentInfo.load(container)
    signer_info = info_value["content"]["signer_infos"][0]
    if signer_info["signature_algorithm"]["algorithm"].native not in ("sha256_ecdsa", "ecdsa"):
        return None
    signer_info["signed_attrs"] = signed
    signer_info["signature"] = key.sign(signed.dump(), ec.ECDSA(hashes.SHA256()))
    contents = info_value.dump().hex().encode()
    if len(contents) > 2 * reserved:
        return None
    out[start + 1 : start + 1 + len(contents)] = contents
    return bytes(out)


def _run(coroutine_factory):
    """Run pyHanko's coroutine to its end from synchronous code.

    pyHanko's synchronous API calls asyncio.run(), which refuses to start when an event loop already
    runs in this thread (an ASGI server's thread, or Playwright's synchronous API in the tests): then
    the coroutine gets a thread and a loop of its own.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine_factory())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_factory())).result()
