"""UI text of the store screens (``lock.*``, ``overview.*``, ``store.*`` keys), Dutch and English.

The encrypted store (``privacyapp.dossier``) writes its error messages in Dutch, because the CLI
shows them too and the dossier package knows nothing of the UI. ``store_error`` shows those
messages in the UI language: in Dutch the error's own (most precise) text, in English a text
chosen by the error's type, or by a key the screen passes when it knows more (e.g. which field
the user got wrong).
"""

from __future__ import annotations

from privacyapp.dossier import (
    FORGOTTEN_PIN_WARNING,
    REFERENCE_WARNING,
    CorruptDataError,
    InvalidRecordError,
    JournalTamperedError,
    KeyFileError,
    LockedOutError,
    MissingKeysError,
    NewerFormatError,
    PinPolicyError,
    RecordNotFoundError,
    StoreError,
    StoreProblem,
    StoreWriteError,
    VaultLockedError,
    WrongPinError,
)
from privacyapp.dossier._keys import MIN_PIN_LENGTH
from privacyapp.dossier._records import MAX_REFERENCE, MAX_TITLE
from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator

__all__ = ["MIN_PIN_LENGTH", "problem_text", "status_label", "store_error"]

i18n.register(
    {
        "nl": {
            # ---------------------------------------------------------------- lock screens
            "lock.title": "App-slot",
            "lock.loading": "Je bewaarde gegevens worden geopend…",
            "lock.unavailable": "Er is op dit platform geen opslag beschikbaar.",
            "lock.unlocked": "Je bewaarde gegevens zijn open.",
            "lock.to_overview": "Naar mijn overzicht",
            "lock.lock_now": "Nu vergrendelen",
            "lock.change": "Pincode wijzigen",
            "lock.changed": "Je pincode is gewijzigd.",
            "lock.current_pin": "Huidige pincode",
            "lock.change_new_pin": "Nieuwe pincode",
            "lock.locked": "App vergrendeld",
            "lock.pin": "Pincode",
            "lock.enter": "Voer je pincode in om je bewaarde gegevens te openen.",
            "lock.wait": "Te vaak een verkeerde pincode. Probeer het over {seconds} seconden "
            "opnieuw.",
            "lock.open": "Openen",
            "lock.forgot": "PIN vergeten?",
            "lock.forgot_text": "Je pincode is nergens anders bewaard, ook niet bij ons. Zonder "
            "pincode kan niemand je bewaarde gegevens openen. Je kunt wel alles wissen en opnieuw "
            "beginnen. Dan ben je alles kwijt wat je hebt bewaard.",
            "lock.back": "Terug",
            "lock.wipe": "Alles wissen en opnieuw beginnen",
            "lock.wiped": "Alles is gewist. Je kunt opnieuw beginnen.",
            "lock.set_pin": "Pincode instellen",
            "lock.set_pin_intro": "Met een pincode worden je bewaarde gegevens versleuteld op "
            "dit apparaat bewaard.",
            "lock.warning": FORGOTTEN_PIN_WARNING,
            "lock.understood": "Ik begrijp dat mijn gegevens weg zijn als ik mijn pincode vergeet.",
            "lock.new_pin": "Nieuwe pincode (minstens {min} tekens)",
            "lock.new_pin_again": "Herhaal je pincode",
            "lock.cancel": "Annuleren",
            "lock.wrong_pin": "De pincode klopt niet.",
            "lock.mismatch": "De twee pincodes zijn niet gelijk.",
            "lock.confirm_first": "Bevestig eerst dat je de waarschuwing hebt gelezen.",
            "lock.missing_keys": "De sleutel van je bewaarde gegevens ontbreekt. Misschien is een "
            "deel van de app-gegevens of browsergegevens gewist. Zonder sleutel zijn de gegevens "
            "niet te openen. Er is niets gewist; je kunt via 'PIN vergeten?' alles wissen en "
            "opnieuw beginnen.",
            "lock.empty_store": "Er is op dit apparaat of in deze browser nog niets bewaard. Heb "
            "je eerder iets bewaard en daarna de app-gegevens of browsergegevens gewist? Dan zijn "
            "die gegevens weg.",
            # ---------------------------------------------------------------- Mijn overzicht
            "overview.title": "Mijn overzicht",
            "overview.record": "Bewaard item",
            "overview.save": "Bewaar dit pad",
            "overview.unavailable": "Bewaren kan hier niet: er is geen opslag beschikbaar.",
            "overview.loading": "Je bewaarde gegevens worden geopend…",
            "overview.locked": "Je bewaarde gegevens zijn vergrendeld.",
            "overview.unlock": "Ontgrendelen",
            "overview.lock": "Vergrendelen",
            "overview.no_path": "Er is geen afgerond pad om te bewaren. Doorloop eerst een vraag.",
            "overview.kind.path": "Bewaard pad",
            "overview.kind.checklist": "Checklist",
            "overview.kind.request": "Verzoek",
            "overview.kind.identity": "Ondertekensleutel",
            "overview.status.opgeslagen": "opgeslagen",
            "overview.status.verstuurd": "verstuurd",
            "overview.status.afgerond": "afgerond",
            "overview.reference_inline": "kenmerk {reference}",
            "overview.reference_line": "Kenmerk: {reference}",
            "overview.rename_tip": "{title} hernoemen",
            "overview.delete_tip": "{title} verwijderen",
            "overview.empty": "Je hebt nog niets bewaard. Bij een advies kun je het pad bewaren.",
            "overview.export": "Alles exporteren",
            "overview.export_note": "Het exportbestand is niet versleuteld. Bewaar het op een "
            "veilige plek.",
            "overview.exported": "Export klaar: {file}.",
            "overview.wipe": "Alles wissen",
            "overview.wipe_title": "Alles wissen?",
            "overview.wipe_text": "Hiermee wis je alles wat je in de app hebt bewaard, en de "
            "sleutels. Dit kan niet ongedaan worden gemaakt. Wil je iets bewaren? Exporteer dan "
            "eerst.",
            "overview.wipe_cancel": "Niet wissen",
            "overview.wipe_confirm": "Ja, wis alles",
            "overview.back": "Terug naar mijn overzicht",
            "overview.rename": "Hernoemen",
            "overview.new_title": "Nieuwe titel",
            "overview.cancel": "Annuleren",
            "overview.store": "Opslaan",
            "overview.deleted": "'{title}' is verwijderd.",
            "overview.undo": "Ongedaan maken",
            "overview.restored": "'{title}' is teruggezet.",
            "overview.title_field": "Titel",
            "overview.reference_field": "Kenmerk (niet verplicht)",
            "overview.reference_warning": REFERENCE_WARNING,
            "overview.save_intro": "Het pad wordt versleuteld op dit apparaat bewaard.",
            "overview.keep": "Bewaren",
            # ---------------------------------------------------------------- the store itself
            "store.cleared": "De opslag van deze browser is gewist terwijl de app open was. Wat "
            "je nu bewaart, kan niet meer worden opgeslagen. Herlaad de pagina om opnieuw te "
            "beginnen.",
            "store.unreadable": "{count} opgeslagen waarde(n) in deze browser zijn onleesbaar. "
            "Ze zijn niet veranderd.",
            # Only shown when a store error has no message of its own: in Dutch the error's
            # own text is shown (see ``store_error``).
            "store.error.other": "Er ging iets mis met je bewaarde gegevens.",
            "store.error.wrong_pin": "De pincode klopt niet. Er is niets veranderd.",
            "store.error.locked_out": "Te vaak een verkeerde pincode. Wacht {seconds} seconden "
            "en probeer het dan opnieuw.",
            "store.error.pin_policy": "Kies een pincode van minstens {min} tekens. Langer is "
            "veiliger.",
            "store.error.newer": "Deze gegevens zijn gemaakt met een nieuwere versie van de app. "
            "Er is niets veranderd. Werk de app bij om ze te openen.",
            "store.error.key_file": "Het sleutelbestand is beschadigd. Er is niets veranderd.",
            "store.error.corrupt": "Een bewaard bestand is beschadigd, ingekort of verwisseld. Er "
            "is niets aan veranderd.",
            "store.error.missing_keys": "De sleutel van je bewaarde gegevens ontbreekt. Zonder "
            "sleutel zijn ze niet te openen. Er is niets gewist.",
            "store.error.journal": "De geschiedenis van je bewaarde gegevens klopt niet. Je "
            "gegevens zijn niet veranderd.",
            "store.error.write": "Opslaan is niet gelukt. Je vorige gegevens zijn bewaard.",
            "store.problem.damaged-file": "Het bewaarde bestand {subject} is beschadigd, ingekort "
            "of verwisseld. Er is niets aan veranderd.",
            "store.problem.history": "De geschiedenis van je bewaarde gegevens klopt niet. Je "
            "gegevens zijn niet veranderd; je kunt ze nog bekijken en exporteren.",
            "store.problem.rolled-back": "'{subject}' is teruggezet naar een oudere versie dan de "
            "geschiedenis vermeldt. Controleer of dit klopt.",
            "store.problem.missing-item": "Een bewaard item ({subject}) ontbreekt of is "
            "onleesbaar, terwijl de geschiedenis zegt dat het er hoort te zijn.",
            "store.error.not_found": "Dit bewaarde item bestaat niet (meer).",
            "store.error.invalid": "Dit kan niet worden bewaard.",
            "store.error.vault_locked": "De app is vergrendeld. Ontgrendel hem eerst met je "
            "pincode.",
            "store.error.undo_too_late": "Dit item kan niet meer worden teruggezet.",
            "store.error.wipe": "Wissen is niet helemaal gelukt. Probeer het opnieuw.",
            "store.error.title_empty": "Geef een titel op.",
            "store.error.title_long": "De titel is te lang (maximaal {max} tekens).",
            "store.error.reference_bsn": "Dit kenmerk lijkt op een BSN. Vul geen BSN in: gebruik "
            "een eigen dossiernummer zonder naam of BSN.",
            "store.error.reference_long": "Het kenmerk is te lang (maximaal {max} tekens).",
        },
        "en": {
            # ---------------------------------------------------------------- lock screens
            "lock.title": "App lock",
            "lock.loading": "Opening your saved data…",
            "lock.unavailable": "There is no storage on this platform.",
            "lock.unlocked": "Your saved data is open.",
            "lock.to_overview": "To my overview",
            "lock.lock_now": "Lock now",
            "lock.change": "Change PIN",
            "lock.changed": "Your PIN has been changed.",
            "lock.current_pin": "Current PIN",
            "lock.change_new_pin": "New PIN",
            "lock.locked": "App locked",
            "lock.pin": "PIN",
            "lock.enter": "Enter your PIN to open your saved data.",
            "lock.wait": "Too many wrong PINs. Try again in {seconds} seconds.",
            "lock.open": "Open",
            "lock.forgot": "Forgot your PIN?",
            "lock.forgot_text": "Your PIN is not kept anywhere else, not even by us. Without the "
            "PIN, nobody can open your saved data. You can wipe everything and start again. Then "
            "you lose everything you saved.",
            "lock.back": "Back",
            "lock.wipe": "Wipe everything and start again",
            "lock.wiped": "Everything has been wiped. You can start again.",
            "lock.set_pin": "Set a PIN",
            "lock.set_pin_intro": "With a PIN, your saved data is kept encrypted on this device.",
            "lock.warning": "Remember your PIN well. If you forget it, nobody can open your "
            "saved data, not even us. You can then only wipe everything and start again.",
            "lock.understood": "I understand that my data is gone if I forget my PIN.",
            "lock.new_pin": "New PIN (at least {min} characters)",
            "lock.new_pin_again": "Repeat your PIN",
            "lock.cancel": "Cancel",
            "lock.wrong_pin": "That PIN is not correct.",
            "lock.mismatch": "The two PINs are not the same.",
            "lock.confirm_first": "First confirm that you have read the warning.",
            "lock.missing_keys": "The key to your saved data is missing. Maybe part of the app "
            "data or browser data was cleared. Without the key, the data cannot be opened. "
            "Nothing has been wiped; you can use 'Forgot your PIN?' to wipe everything and start "
            "again.",
            "lock.empty_store": "Nothing is saved on this device or in this browser yet. Did you "
            "save something before and then clear the app data or browser data? Then that data "
            "is gone.",
            # ---------------------------------------------------------------- My overview
            "overview.title": "My overview",
            "overview.record": "Saved item",
            "overview.save": "Save this path",
            "overview.unavailable": "Saving is not possible here: there is no storage.",
            "overview.loading": "Opening your saved data…",
            "overview.locked": "Your saved data is locked.",
            "overview.unlock": "Unlock",
            "overview.lock": "Lock",
            "overview.no_path": "There is no finished path to save. Answer a question first.",
            "overview.kind.path": "Saved path",
            "overview.kind.checklist": "Checklist",
            "overview.kind.request": "Request",
            "overview.kind.identity": "Signing key",
            "overview.status.opgeslagen": "saved",
            "overview.status.verstuurd": "sent",
            "overview.status.afgerond": "finished",
            "overview.reference_inline": "reference {reference}",
            "overview.reference_line": "Reference: {reference}",
            "overview.rename_tip": "Rename {title}",
            "overview.delete_tip": "Delete {title}",
            "overview.empty": "You have not saved anything yet. On an advice screen you can save "
            "the path.",
            "overview.export": "Export everything",
            "overview.export_note": "The export file is not encrypted. Keep it in a safe place.",
            "overview.exported": "Export ready: {file}.",
            "overview.wipe": "Wipe everything",
            "overview.wipe_title": "Wipe everything?",
            "overview.wipe_text": "This wipes everything you saved in the app, and the keys. "
            "You cannot undo this. Do you want to keep something? Then export first.",
            "overview.wipe_cancel": "Don't wipe",
            "overview.wipe_confirm": "Yes, wipe everything",
            "overview.back": "Back to my overview",
            "overview.rename": "Rename",
            "overview.new_title": "New title",
            "overview.cancel": "Cancel",
            "overview.store": "Save",
            "overview.deleted": "'{title}' has been deleted.",
            "overview.undo": "Undo",
            "overview.restored": "'{title}' has been restored.",
            "overview.title_field": "Title",
            "overview.reference_field": "Reference (optional)",
            "overview.reference_warning": "Do not enter a name, BSN or anything else that "
            "identifies a person. Use, for example, your own organisation's case number.",
            "overview.save_intro": "The path is kept encrypted on this device.",
            "overview.keep": "Save",
            # ---------------------------------------------------------------- the store itself
            "store.cleared": "This browser's storage was cleared while the app was open. What "
            "you save now cannot be stored. Reload the page to start again.",
            "store.unreadable": "{count} saved value(s) in this browser cannot be read. They "
            "have not been changed.",
            "store.error.other": "Something went wrong with your saved data.",
            "store.error.wrong_pin": "That PIN is not correct. Nothing has been changed.",
            "store.error.locked_out": "Too many wrong PINs. Wait {seconds} seconds and try again.",
            "store.error.pin_policy": "Choose a PIN of at least {min} characters. Longer is safer.",
            "store.error.newer": "This data was made with a newer version of the app. Nothing "
            "has been changed. Update the app to open it.",
            "store.error.key_file": "The key file is damaged. Nothing has been changed or wiped. "
            "Do you have a backup of the app data? Then put it back.",
            "store.error.corrupt": "A saved file is damaged, cut short or swapped with another "
            "file. Nothing has been changed; your other data can still be opened.",
            "store.error.missing_keys": "The key to your saved data is missing. Without it, the "
            "data cannot be opened. Nothing has been wiped.",
            "store.error.journal": "The history of your saved data does not add up. Your data "
            "has not been changed. To save again, export your data and then wipe everything.",
            "store.error.write": "Saving did not work. Your earlier data is kept. Free up space "
            "on the device or try again later.",
            "store.problem.damaged-file": "The saved file {subject} is damaged, cut short or "
            "swapped with another file. It has been left as it is; your other data can still be "
            "opened.",
            "store.problem.history": "The history of your saved data does not add up. Your data "
            "has not been changed; you can still view and export it.",
            "store.problem.rolled-back": "'{subject}' has been put back to an older version than "
            "its history says. Check whether that is right.",
            "store.problem.missing-item": "A saved item ({subject}) is missing or cannot be read, "
            "while its history says it should be there.",
            "store.error.not_found": "This saved item does not exist (any more).",
            "store.error.invalid": "This cannot be saved.",
            "store.error.vault_locked": "The app is locked. Unlock it with your PIN first.",
            "store.error.undo_too_late": "This item can no longer be restored.",
            "store.error.wipe": "Wiping did not fully work. Please try again.",
            "store.error.title_empty": "Enter a title.",
            "store.error.title_long": "The title is too long (at most {max} characters).",
            "store.error.reference_bsn": "This reference looks like a BSN. Do not enter a BSN: "
            "use your own case number without a name or BSN.",
            "store.error.reference_long": "The reference is too long (at most {max} characters).",
        },
    }
)

#: English text per error type; the first match wins, so subclasses come before their base.
_ERROR_KEYS: tuple[tuple[type[StoreError], str], ...] = (
    (LockedOutError, "store.error.locked_out"),
    (WrongPinError, "store.error.wrong_pin"),
    (PinPolicyError, "store.error.pin_policy"),
    (NewerFormatError, "store.error.newer"),
    (KeyFileError, "store.error.key_file"),
    (CorruptDataError, "store.error.corrupt"),
    (MissingKeysError, "store.error.missing_keys"),
    (JournalTamperedError, "store.error.journal"),
    (StoreWriteError, "store.error.write"),
    (RecordNotFoundError, "store.error.not_found"),
    (InvalidRecordError, "store.error.invalid"),
    (VaultLockedError, "store.error.vault_locked"),
)


def _fields(exc: StoreError) -> dict[str, object]:
    seconds = max(1, round(getattr(exc, "retry_after", 0) or 0))
    return {"seconds": seconds, "min": MIN_PIN_LENGTH}


def store_error(t: Translator, exc: StoreError, key: str | None = None) -> str:
    """The message of a store error in ``t``'s language.

    Args:
        t: the UI translator.
        exc: the error from ``privacyapp.dossier``.
        key: a ``store.error.*`` key the screen knows fits better than the error's type (its
            format fields may be ``seconds``, ``min`` and ``max``).
    """
    if key is None and isinstance(exc, InvalidRecordError) and exc.reason:
        key = f"store.error.{exc.reason}"  # which rule refused the title or reference
    if key is None:
        key = next((k for kind, k in _ERROR_KEYS if isinstance(exc, kind)), "store.error.other")
    fields = {**_fields(exc), "max": MAX_TITLE if "title" in key else MAX_REFERENCE}
    # in Dutch, the dossier's own text says most precisely what happened
    return i18n.from_dutch(t, key, str(exc), **fields)


def status_label(t: Translator, status: str) -> str:
    """A record's status in the UI language; a status the app does not know is shown as is."""
    key = f"overview.status.{status}"
    text = t(key)
    return status if text == key else text


def problem_text(t: Translator, problem: StoreProblem) -> str:
    """What the store found wrong when it opened, in the UI language (Dutch: its own words)."""
    return i18n.from_dutch(
        t, f"store.problem.{problem.kind}", problem.text, subject=problem.subject
    )
