"""UI text of the municipality screen (``municipality.*`` keys), Dutch and English."""

from __future__ import annotations

from privacyapp.views.kit import i18n

i18n.register(
    {
        "nl": {
            "municipality.title": "Je gemeente",
            "municipality.about": "Deze app gaat alleen over privacy en gegevens, niet over "
            "de zorg of hulp zelf.",
            "municipality.about_more": "Niet eens met de hulp zelf? Neem contact op met je "
            "gemeente. Hieronder vind je hoe.",
            "municipality.about_link": "Niet eens met de hulp zelf? Neem contact op met je "
            "gemeente",
            "municipality.search": "Zoek je gemeente op naam",
            "municipality.search_hint": "Bijvoorbeeld Den Bosch of Súdwest-Fryslân",
            "municipality.postcode_open": "Zoek op postcode",
            "municipality.postcode": "Postcode",
            "municipality.postcode_go": "Zoek gemeente bij postcode",
            "municipality.pdok": "Je postcode gaat naar PDOK (Kadaster) om je gemeente te "
            "vinden. Verder niets.",
            "municipality.none": "Geen gemeente gevonden. Probeer een andere spelling.",
            "municipality.no_postcode": "'{text}' is geen postcode. Een postcode is 4 cijfers "
            "en 2 letters, zoals 1234 AB.",
            "municipality.postcode_none": "Geen gemeente gevonden voor deze postcode. Zoek op "
            "naam.",
            "municipality.choose": "Deze postcode ligt in meer dan één gemeente. Kies je gemeente.",
            "municipality.searching": "Zoeken…",
            "municipality.call": "Bel {phone}",
            "municipality.mail": "Mail {email}",
            "municipality.no_email": "Deze gemeente heeft geen algemeen e-mailadres in het "
            "register. Gebruik het contactformulier of bel.",
            "municipality.form": "Contactformulier",
            "municipality.website": "Website",
            "municipality.visit": "Bezoekadres",
            "municipality.postal": "Postadres",
            "municipality.copy": "Kopieer {what}",
            "municipality.copied": "{what} gekopieerd.",
            "municipality.what_phone": "telefoonnummer",
            "municipality.what_email": "e-mailadres",
            "municipality.what_visit": "bezoekadres",
            "municipality.what_postal": "postadres",
            "municipality.card": "Contactgegevens van {name}",
            "municipality.refresh": "Lijst van gemeenten bijwerken",
            "municipality.refreshing": "Bijwerken…",
            "municipality.data_of": "Gegevens van {date}.",
            "municipality.updated": "Bijgewerkt op {date}.",
            "municipality.offline": "Geen verbinding — we gebruiken de gegevens van {date}.",
            "municipality.failed": "Bijwerken lukte niet — we gebruiken de gegevens van {date}.",
            "municipality.unavailable": "De lijst van gemeenten is niet beschikbaar.",
            "municipality.source": "Bron: {source}, bijgewerkt op {date}",
            "municipality.feed_too_large": "Het bestand van het register was te groot; we zijn "
            "gestopt met downloaden.",
            "municipality.feed_format": "Het register stuurde iets dat we niet kunnen lezen.",
            "municipality.feed_failed": "Er ging iets mis bij het register.",
            "municipality.postcode_offline": "De postcodedienst is nu niet te bereiken. Zoek je "
            "gemeente op naam; dat werkt ook zonder internet.",
            "municipality.postcode_failed": "De postcodedienst gaf geen bruikbaar antwoord. Zoek "
            "je gemeente op naam.",
        },
        "en": {
            "municipality.title": "Your municipality",
            "municipality.about": "This app is only about privacy and personal data, not about "
            "the care or support itself.",
            "municipality.about_more": "Disagree with the support itself? Contact your "
            "municipality. See below how.",
            "municipality.about_link": "Disagree with the support itself? Contact your "
            "municipality",
            "municipality.search": "Find your municipality by name",
            "municipality.search_hint": "For example Den Bosch or Súdwest-Fryslân",
            "municipality.postcode_open": "Search by postcode",
            "municipality.postcode": "Postcode",
            "municipality.postcode_go": "Find municipality for postcode",
            "municipality.pdok": "Your postcode is sent to PDOK (Kadaster) to find your "
            "municipality. Nothing else.",
            "municipality.none": "No municipality found. Try another spelling.",
            "municipality.no_postcode": "'{text}' is not a postcode. A postcode is 4 digits and "
            "2 letters, like 1234 AB.",
            "municipality.postcode_none": "No municipality found for this postcode. Search by "
            "name.",
            "municipality.choose": "This postcode lies in more than one municipality. Choose "
            "yours.",
            "municipality.searching": "Searching…",
            "municipality.call": "Call {phone}",
            "municipality.mail": "Email {email}",
            "municipality.no_email": "This municipality lists no general e-mail address in the "
            "register. Use the contact form or call.",
            "municipality.form": "Contact form",
            "municipality.website": "Website",
            "municipality.visit": "Visiting address",
            "municipality.postal": "Postal address",
            "municipality.copy": "Copy {what}",
            "municipality.copied": "{what} copied.",
            "municipality.what_phone": "phone number",
            "municipality.what_email": "e-mail address",
            "municipality.what_visit": "visiting address",
            "municipality.what_postal": "postal address",
            "municipality.card": "Contact details of {name}",
            "municipality.refresh": "Update the list of municipalities",
            "municipality.refreshing": "Updating…",
            "municipality.data_of": "Data of {date}.",
            "municipality.updated": "Updated on {date}.",
            "municipality.offline": "No connection — we use the data of {date}.",
            "municipality.failed": "Update failed — we use the data of {date}.",
            "municipality.unavailable": "The list of municipalities is not available.",
            "municipality.source": "Source: {source}, updated on {date}",
            "municipality.feed_too_large": "The register's file was too large, so we stopped "
            "downloading.",
            "municipality.feed_format": "The register sent something we cannot read.",
            "municipality.feed_failed": "Something went wrong at the register.",
            "municipality.postcode_offline": "The postcode service cannot be reached now. Search "
            "for your municipality by name; that works without internet too.",
            "municipality.postcode_failed": "The postcode service gave no usable answer. Search "
            "for your municipality by name.",
        },
    }
)
