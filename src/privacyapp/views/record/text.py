"""The text of the record screens (``record.*`` keys), Dutch and English."""

from __future__ import annotations

from privacyapp.dossier import CLIENT_REFERENCE_WARNING
from privacyapp.views.kit import i18n

__all__: list[str] = []

i18n.register(
    {
        "nl": {
            "record.title": "Vastleggen voor het dossier",
            "record.done_title": "Je dossierstuk is klaar",
            "record.check_title": "PDF controleren",
            "record.unavailable": "Vastleggen kan in deze versie van de app niet.",
            "record.no_walk": "Doorloop eerst een vraag tot je een advies krijgt. "
            "Daarna kun je de route vastleggen.",
            "record.identity_intro": "Je ondertekent een dossierstuk digitaal. Vul één keer je "
            "gegevens in. De app maakt dan een sleutel en certificaat voor je.",
            "record.name": "Je naam",
            "record.organisation": "Organisatie",
            "record.email": "E-mailadres (werk)",
            "record.role": "Rol, bijvoorbeeld jeugdconsulent",
            "record.create_identity": "Maak mijn ondertekening",
            "record.import_intro": "Heeft je organisatie je een certificaat gegeven (.p12)? "
            "Importeer het dan.",
            "record.p12_password": "Wachtwoord van het .p12-bestand",
            "record.import": "Certificaat importeren",
            "record.memory_only": "De app-opslag is niet open. Je ondertekening blijft alleen "
            "bewaard tot je de app sluit.",
            "record.loading": "Je opslag wordt geladen…",
            "record.locked": "Je ondertekening staat versleuteld in je opslag. Open eerst je "
            "opslag met je pincode.",
            "record.unlock": "Opslag openen",
            "record.signer": "Ondertekenaar: {name} ({organisation})",
            "record.fingerprint": "Vingerafdruk van je certificaat: {fingerprint}",
            "record.cert_fingerprint": "Vingerafdruk van het certificaat: {fingerprint}",
            "record.fingerprint_tip": "Geef deze vingerafdruk aan je organisatie. Dan kan "
            "iedereen nagaan dat een pdf van jou komt.",
            "record.reference": "Kenmerk cliënt (mag leeg blijven)",
            "record.considerations": "Je eigen afweging",
            "record.make": "Maak ondertekende pdf",
            "record.working": "Bezig met ondertekenen…",
            "record.saved_in_store": "De route is ook bewaard in Mijn overzicht (versleuteld).",
            "record.save": "Opslaan als bestand",
            "record.share": "Delen",
            "record.saved": "Opgeslagen: {path}",
            "record.share_failed": "Delen kan hier niet. Sla de pdf op als bestand.",
            "record.to_check": "Een pdf controleren",
            "record.back_to_advice": "Terug naar het advies",
            "record.pick": "Kies een pdf",
            "record.check_intro": "Kies een pdf van een collega of uit een dossier. De app "
            "controleert de handtekening en of er daarna niets is veranderd.",
            "record.valid": "Geldig: de handtekening klopt en dekt het hele bestand.",
            "record.invalid": "Niet geldig.",
            "record.checked_file": "Bestand: {name}",
            "record.signed_by": "Ondertekend door {signer} ({organisation}) op {when}",
            "record.whole_file": "Hele bestand gedekt: {answer}",
            "record.yes": "ja",
            "record.no": "nee",
            "record.self_signed": "Het certificaat is niet uitgegeven door een bekende "
            "organisatie. Vergelijk de vingerafdruk met wat de organisatie heeft geregistreerd.",
            "record.pdf_dutch": "",
            # the dossier package's own text (the Dutch UI shows it as it is)
            "record.reference_warning": CLIENT_REFERENCE_WARNING,
            "record.when": "{day} {month} {year} om {time} ({zone})",
            "record.zone": "Nederlandse tijd",
            # errors and verdicts by kind (the Dutch UI shows the dossier's own, precise text)
            "record.error.identity": "Controleer je gegevens: vul je naam, organisatie en "
            "e-mailadres (werk) in, zoals naam@organisatie.nl, elk korter dan 120 tekens.",
            "record.error.identity_locked": "Je ondertekening gaat niet open. Open eerst je "
            "opslag met je pincode.",
            "record.error.identity_missing": "Maak of importeer eerst je ondertekening.",
            "record.error.import": "Het bestand gaat niet open: het wachtwoord klopt niet, of "
            "het is geen bruikbaar .p12-bestand met sleutel en certificaat (ECDSA of RSA). "
            "Vraag het certificaat en wachtwoord opnieuw op bij je organisatie.",
            "record.error.reference": "Het kenmerk is te lang of lijkt op een BSN. Zet nooit "
            "een naam of BSN in het dossierstuk; gebruik een kort dossiernummer van je "
            "organisatie.",
            "record.error.report": "Het dossierstuk kon niet worden opgemaakt. Maak lange "
            "teksten korter en probeer het opnieuw.",
            "record.error.signing": "Ondertekenen is niet gelukt. Controleer je certificaat en "
            "probeer het opnieuw.",
            "record.error.store": "De route kon niet in je opslag worden bewaard. Open je opslag "
            "en probeer het opnieuw.",
            "record.error.other": "Er ging iets mis. Probeer het opnieuw.",
            "record.problem.unreadable": "Geen handtekening om te controleren: het bestand is "
            "geen pdf, is beschadigd of is niet ondertekend.",
            "record.problem.signature": "Handtekening '{name}' klopt niet: de inhoud is na het "
            "ondertekenen veranderd of de handtekening is beschadigd.",
            "record.problem.appended": "Na het ondertekenen is er iets aan het bestand "
            "toegevoegd of veranderd. De handtekening dekt niet het hele bestand.",
        },
        "en": {
            "record.title": "Record for the file",
            "record.done_title": "Your record is ready",
            "record.check_title": "Check a PDF",
            "record.unavailable": "Recording is not available in this version of the app.",
            "record.no_walk": "First answer a question until you get advice. "
            "Then you can record the path.",
            "record.identity_intro": "You sign a record digitally. Enter your details once; "
            "the app then makes a key and certificate for you.",
            "record.name": "Your name",
            "record.organisation": "Organisation",
            "record.email": "E-mail address (work)",
            "record.role": "Role, e.g. youth care worker",
            "record.create_identity": "Create my signature",
            "record.import_intro": "Did your organisation give you a certificate (.p12)? "
            "Import it.",
            "record.p12_password": "Password of the .p12 file",
            "record.import": "Import certificate",
            "record.memory_only": "The app storage is not open. Your signature is only kept "
            "until you close the app.",
            "record.loading": "Loading your storage…",
            "record.locked": "Your signature is kept encrypted in your storage. Open your "
            "storage with your PIN first.",
            "record.unlock": "Open storage",
            "record.signer": "Signer: {name} ({organisation})",
            "record.fingerprint": "Fingerprint of your certificate: {fingerprint}",
            "record.cert_fingerprint": "Fingerprint of the certificate: {fingerprint}",
            "record.fingerprint_tip": "Give this fingerprint to your organisation, so anyone "
            "can check that a PDF comes from you.",
            "record.reference": "Client reference (optional)",
            "record.considerations": "Your own considerations",
            "record.make": "Make signed PDF",
            "record.working": "Signing…",
            "record.saved_in_store": "The path is also kept in My overview (encrypted).",
            "record.save": "Save as file",
            "record.share": "Share",
            "record.saved": "Saved: {path}",
            "record.share_failed": "Sharing is not possible here. Save the PDF as a file.",
            "record.to_check": "Check a PDF",
            "record.back_to_advice": "Back to the advice",
            "record.pick": "Choose a PDF",
            "record.check_intro": "Choose a PDF from a colleague or a file. The app checks the "
            "signature and that nothing changed afterwards.",
            "record.valid": "Valid: the signature is correct and covers the whole file.",
            "record.invalid": "Not valid.",
            "record.checked_file": "File: {name}",
            "record.signed_by": "Signed by {signer} ({organisation}) on {when}",
            "record.whole_file": "Whole file covered: {answer}",
            "record.yes": "yes",
            "record.no": "no",
            "record.self_signed": "The certificate was not issued by a known organisation. "
            "Compare the fingerprint with what the organisation registered.",
            "record.pdf_dutch": "The PDF itself is in Dutch: it is a record for a Dutch client "
            "file.",
            "record.reference_warning": "Only use a file number or reference of your "
            "organisation. Never a name or BSN: the PDF goes into the client file and may be "
            "shared.",
            "record.when": "{day} {month} {year} at {time} ({zone})",
            "record.zone": "Dutch time",
            "record.error.identity": "Check your details: fill in your name, organisation and "
            "work e-mail address, like name@organisation.nl, each shorter than 120 characters.",
            "record.error.identity_locked": "Your signature does not open. Open your storage "
            "with your PIN first.",
            "record.error.identity_missing": "Create or import your signature first.",
            "record.error.import": "The file does not open: the password is wrong, or it is not "
            "a usable .p12 file with a key and certificate (ECDSA or RSA). Ask your organisation "
            "for the certificate and password again.",
            "record.error.reference": "The reference is too long or looks like a BSN. Never put "
            "a name or BSN in the record; use a short file number of your organisation.",
            "record.error.report": "The record could not be laid out. Make long texts shorter "
            "and try again.",
            "record.error.signing": "Signing did not work. Check your certificate and try again.",
            "record.error.store": "The path could not be kept in your storage. Open your storage "
            "and try again.",
            "record.error.other": "Something went wrong. Please try again.",
            "record.problem.unreadable": "No signature to check: the file is not a PDF, is "
            "damaged, or is not signed.",
            "record.problem.signature": "Signature '{name}' does not hold: the content changed "
            "after signing, or the signature is damaged.",
            "record.problem.appended": "Something was added to or changed in the file after "
            "signing. The signature does not cover the whole file.",
        },
    }
)
