"""UI text of the rights screens (``rights.*`` keys), Dutch and English.

Two groups:

- the screens' own text (labels, buttons, status lines): Dutch and English here;
- English for text that ``privacyapp.rights`` writes in Dutch and the screens show as UI (kind
  names, field labels, advice, deadline and status lines, errors and notices). Only the English
  is in the catalog: the Dutch stays the service's own text, so it has one source.
  ``_rights_text`` chooses between them.

The letters themselves (body, subject, PDF) are not here: they go to Dutch organisations and
stay Dutch in both languages.
"""

from __future__ import annotations

from privacyapp.views.kit import i18n

i18n.register(
    {
        "nl": {
            # the shell
            "rights.title": "Een verzoek over je gegevens",
            "rights.follow": "Je verzoek volgen",
            "rights.no-store": (
                "Mijn overzicht is op dit apparaat niet beschikbaar. Je verzoek blijft "
                "bewaard zolang de app open is; bewaar de brief ook als PDF."
            ),
            "rights.loading": "Mijn overzicht wordt geladen. Probeer het zo nog eens.",
            "rights.locked": (
                "Mijn overzicht is op slot. Ontgrendel het, en kies daarna nog een keer "
                "'Bewaar in Mijn overzicht'."
            ),
            "rights.unlock": "Ontgrendel Mijn overzicht",
            "rights.save_failed": "Bewaren lukte niet: {problem}",
            "rights.error_label": "Let op: {error}",
            # choose
            "rights.ask": "Wat wil je vragen?",
            "rights.chosen": " (gekozen)",
            "rights.chosen_label": " Gekozen.",
            # recipient
            "rights.to_ap": "Aan: Autoriteit Persoonsgegevens",
            "rights.to_whom": "Aan wie?",
            "rights.mode.gemeente": "Mijn gemeente",
            "rights.mode.organisatie": "Andere organisatie",
            "rights.org.org_name": "Naam van de organisatie",
            "rights.org.org_email": "E-mailadres van de organisatie",
            "rights.org.org_email.hint": "Vaak staat op de website een privacy-adres.",
            "rights.org.org_postal": "Postadres (als er geen e-mailadres is)",
            "rights.search": "Zoek je gemeente",
            "rights.find": "Zoek",
            "rights.chosen_municipality": "Gekozen: Gemeente {name}",
            "rights.no_municipality": "Geen gemeente gevonden. Controleer de naam.",
            "rights.pick": "Kies {name}",
            # about you
            "rights.about_you": "Over jou",
            "rights.applicant.name": "Je naam",
            "rights.applicant.name.hint": "Zo onderteken je de brief.",
            "rights.applicant.email": "Je e-mailadres",
            "rights.applicant.email.hint": "Zodat de organisatie je kan antwoorden.",
            "rights.applicant.phone": "Je telefoonnummer",
            "rights.applicant.phone.hint": "Mag leeg blijven.",
            "rights.applicant.address": "Je adres",
            "rights.applicant.address.hint": "Nodig als je de brief per post stuurt.",
            "rights.for_someone": "Ik schrijf voor mijn kind of voor iemand die ik vertegenwoordig",
            "rights.role": "Jouw rol",
            "rights.role.ouder": "Ouder met gezag",
            "rights.role.voogd": "Voogd",
            "rights.role.curator": "Curator",
            "rights.role.mentor": "Mentor",
            "rights.person": "Naam van je kind of de persoon",
            "rights.your_request": "Je verzoek: {title}",
            "rights.make_letter": "Maak de brief",
            # send
            "rights.letter": "Je brief",
            "rights.letter_dutch": "",  # only the English UI needs to say the letter is Dutch
            "rights.open_mail": "Open in je mailapp",
            "rights.open_mail_full": "Probeer de volledige brief in je mailapp",
            "rights.open_form": "Open het contactformulier",
            "rights.copy": "Kopieer",
            "rights.save_pdf": "Bewaar als PDF",
            "rights.sent_on": "Verstuurd op (JJJJ-MM-DD)",
            "rights.store": "Bewaar in Mijn overzicht",
            # follow up
            "rights.sent_line": "Aan: {name}. Verstuurd op {date}.",
            "rights.stage_label": "Stand van je verzoek: {title}",
            "rights.extension": "De organisatie meldde verlenging op (JJJJ-MM-DD)",
            "rights.ics": "Zet in je agenda (ICS)",
            "rights.ics_summary": "Termijn: {subject}",
            "rights.ics_description": "Aan {name}. {text}",
            "rights.ics_file": "termijn-verzoek.ics",
            "rights.reminder": "Schrijf een herinnering",
            "rights.ap_complaint": "Klacht bij de Autoriteit Persoonsgegevens",
            "rights.answered": "Ik heb antwoord gekregen",
        },
        "en": {
            # the shell
            "rights.title": "A request about your data",
            "rights.follow": "Follow your request",
            "rights.no-store": (
                "My overview is not available on this device. Your request is kept while the "
                "app is open; also save the letter as a PDF."
            ),
            "rights.loading": "My overview is loading. Please try again in a moment.",
            "rights.locked": (
                "My overview is locked. Unlock it, then choose 'Save in My overview' again."
            ),
            "rights.unlock": "Unlock My overview",
            "rights.save_failed": "Saving did not work: {problem}",
            "rights.error_label": "Please note: {error}",
            # choose
            "rights.ask": "What do you want to ask?",
            "rights.chosen": " (chosen)",
            "rights.chosen_label": " Chosen.",
            # recipient
            "rights.to_ap": "To: Autoriteit Persoonsgegevens (the Dutch Data Protection Authority)",
            "rights.to_whom": "Who are you writing to?",
            "rights.mode.gemeente": "My municipality",
            "rights.mode.organisatie": "Another organisation",
            "rights.org.org_name": "Name of the organisation",
            "rights.org.org_email": "Email address of the organisation",
            "rights.org.org_email.hint": "The website often has a privacy email address.",
            "rights.org.org_postal": "Postal address (if there is no email address)",
            "rights.search": "Search for your municipality",
            "rights.find": "Search",
            "rights.chosen_municipality": "Chosen: Gemeente {name}",
            "rights.no_municipality": "No municipality found. Check the name.",
            "rights.pick": "Choose {name}",
            # about you
            "rights.about_you": "About you",
            "rights.applicant.name": "Your name",
            "rights.applicant.name.hint": "This is how you sign the letter.",
            "rights.applicant.email": "Your email address",
            "rights.applicant.email.hint": "So the organisation can reply to you.",
            "rights.applicant.phone": "Your phone number",
            "rights.applicant.phone.hint": "You can leave this empty.",
            "rights.applicant.address": "Your address",
            "rights.applicant.address.hint": "Needed if you send the letter by post.",
            "rights.for_someone": "I am writing for my child or for someone I represent",
            "rights.role": "Your role",
            "rights.role.ouder": "Parent with parental authority",
            "rights.role.voogd": "Guardian",
            "rights.role.curator": "Curator (under guardianship)",
            "rights.role.mentor": "Mentor",
            "rights.person": "Name of your child or the person",
            "rights.your_request": "Your request: {title}",
            "rights.make_letter": "Write the letter",
            # send
            "rights.letter": "Your letter",
            "rights.letter_dutch": (
                "The letter is in Dutch, because it goes to a Dutch organisation."
            ),
            "rights.open_mail": "Open in your mail app",
            "rights.open_mail_full": "Try the full letter in your mail app",
            "rights.open_form": "Open the contact form",
            "rights.copy": "Copy",
            "rights.save_pdf": "Save as PDF",
            "rights.sent_on": "Sent on (YYYY-MM-DD)",
            "rights.store": "Save in My overview",
            # follow up
            "rights.sent_line": "To: {name}. Sent on {date}.",
            "rights.stage_label": "Status of your request: {title}",
            "rights.extension": "The organisation announced an extension on (YYYY-MM-DD)",
            "rights.ics": "Add to your calendar (ICS)",
            "rights.ics_summary": "Deadline: {subject}",
            "rights.ics_description": "To {name}. {text}",
            "rights.ics_file": "request-deadline.ics",
            "rights.reminder": "Write a reminder",
            "rights.ap_complaint": "Complain to the Autoriteit Persoonsgegevens",
            "rights.answered": "I got an answer",
        },
    }
)

# --------------------------------------------------------------------------------------------
# English for the service's Dutch UI text (the Dutch is in ``privacyapp.rights``).
#: These keys have no Dutch entry on purpose: in Dutch, ``_rights_text`` shows the service's
#: own text.
SERVICE_ENGLISH: dict[str, str] = {
    # request kinds (privacyapp.rights.kinds), by kind id
    "rights.kind.inzage": "Access",
    "rights.kind.inzage.summary": ("Ask which data an organisation has about you, and get a copy."),
    "rights.kind.rectificatie": "Correct",
    "rights.kind.rectificatie.summary": (
        "Have data corrected that is wrong, or add your own statement."
    ),
    "rights.kind.verwijdering": "Delete",
    "rights.kind.verwijdering.summary": "Ask an organisation to erase data about you.",
    "rights.kind.beperking": "Restrict",
    "rights.kind.beperking.summary": ("Have an organisation stop using your data for a while."),
    "rights.kind.overdraagbaarheid": "Take with you",
    "rights.kind.overdraagbaarheid.summary": (
        "Get your data in a file that you can keep or pass on."
    ),
    "rights.kind.bezwaar": "Object",
    "rights.kind.bezwaar.summary": (
        "Say that you do not want an organisation to use your data this way."
    ),
    "rights.kind.vernietiging": "Destroy a file",
    "rights.kind.vernietiging.summary": (
        "Have your youth-care or Wmo file destroyed: this must happen within three months."
    ),
    "rights.kind.klacht-organisatie": "Complain to the organisation",
    "rights.kind.klacht-organisatie.summary": (
        "Complain to the organisation itself about how it handles your data."
    ),
    "rights.kind.klacht-ap": "Complain to the Autoriteit Persoonsgegevens",
    "rights.kind.klacht-ap.summary": (
        "Can't sort it out with the organisation? Then complain to the Dutch Data "
        "Protection Authority."
    ),
    # fields of a kind (privacyapp.rights.kinds.FIELDS), by field key
    "rights.field.data": "Which data",
    "rights.field.data.hint": ("For example: my Wmo file, or everything you have about me."),
    "rights.field.period": "Which period",
    "rights.field.period.hint": (
        "For example: 2023 until now. Leave empty if it is about everything."
    ),
    "rights.field.wrong": "What is wrong",
    "rights.field.wrong.hint": "Write down which data is wrong.",
    "rights.field.correction": "What it should be",
    "rights.field.correction.hint": "Write down what it should say.",
    "rights.field.statement": "My own statement",
    "rights.field.statement.hint": (
        "For an opinion or conclusion: write your side of the story here."
    ),
    "rights.field.reason": "Why",
    "rights.field.reason.hint": "Explain briefly why you ask this.",
    "rights.field.file": "Which file",
    "rights.field.file.hint": (
        "For example: my youth-care file at the neighbourhood team, from 2019 to 2022."
    ),
    "rights.field.law": "Kind of file",
    "rights.field.law.hint": "jeugd (Youth Act) or wmo (Wmo 2015).",
    "rights.field.complaint": "What went wrong",
    "rights.field.complaint.hint": "Describe what happened and when.",
    "rights.field.wish": "What do you want to achieve",
    "rights.field.wish.hint": "For example: that I still get access.",
    "rights.field.organisation": "Which organisation",
    "rights.field.organisation.hint": ("The name of the organisation you are complaining about."),
    "rights.field.earlier": "Earlier contact",
    "rights.field.earlier.hint": (
        "When and how did you contact the organisation first? What was the answer?"
    ),
    "rights.field.reference": "Client or file number",
    "rights.field.reference.hint": "If you have one. Otherwise leave empty.",
    # labels that only errors use
    "rights.label.contact": "Your email address, phone number or address",
    "rights.label.person": "Name of your child or the person you care for",
    "rights.label.municipality": "name of the municipality",
    "rights.label.organisation": "name of the organisation",
    "rights.label.postal": "postal address",
    "rights.label.text": "text",
    # guidance (privacyapp.rights.guidance)
    "rights.role.ouder.proof": (
        "The organisation may ask whether you have parental authority. You prove it "
        "with an extract from the custody register (free from the court). Do two "
        "parents have authority? Then an organisation sometimes asks you both to sign."
    ),
    "rights.role.voogd.proof": (
        "The organisation may ask for proof that you are the guardian: the court's "
        "decision or an extract from the custody register."
    ),
    "rights.role.curator.proof": (
        "The organisation may ask for proof that you are the curator: the decision of "
        "the subdistrict court or an extract from the guardianship register."
    ),
    "rights.role.mentor.proof": (
        "The organisation may ask for proof that you are the mentor: the decision of "
        "the subdistrict court."
    ),
    "rights.age.0": "Are you 16 or older? Then you make the request yourself.",
    "rights.age.1": (
        "Are you younger than 16? Then your parent with parental authority or your "
        "guardian makes the request for you."
    ),
    "rights.age.2": "Are you under guardianship? Then your curator makes the request.",
    "rights.age.3": (
        "Is it about your youth-care file and are you 12 to 16? Then you may also ask "
        "for access yourself (Youth Act article 7.3.10). Your parents with authority "
        "may do so too."
    ),
    "rights.age.4": (
        "From 12 you can have a file destroyed yourself, if you understand well what "
        "that means. For younger children the parent with authority or the guardian "
        "does it."
    ),
    "rights.identity.0": (
        "The organisation must check that it is really you. That is allowed and needed."
    ),
    "rights.identity.1": (
        "Do not send a copy of your ID in a normal email. First ask how you can show "
        "who you are: for example with DigiD, or at the desk."
    ),
    "rights.identity.2": (
        "Do you have to send a copy anyway? Then make a safe copy with the KopieID app "
        "of the Dutch government. With it you cross out your citizen service number "
        "(BSN) and your photo, and write on the copy who it is for."
    ),
    "rights.no_server": (
        "Your letter does not go through a server of ours. You send it yourself, with "
        "your own mail app, through the contact form or by post. The app only keeps "
        "what you save, encrypted on this device."
    ),
    "rights.advice.inzage.0": (
        "The organisation may also give you an overview instead of copies of all documents."
    ),
    "rights.advice.rectificatie.0": (
        "You can only have facts corrected. Is it an opinion or conclusion of a staff "
        "member? Then you can ask to add your own statement to the file."
    ),
    "rights.advice.verwijdering.0": (
        "Municipalities must keep a lot of data for some time. They may then refuse "
        "your request, but they must say why."
    ),
    "rights.advice.verwijdering.1": (
        "Is it about your youth-care or Wmo file? Then choose 'Destroy a file': that "
        "right is stronger."
    ),
    "rights.advice.beperking.0": (
        "Restricting is useful while it is not clear whether data is right or must go."
    ),
    "rights.advice.overdraagbaarheid.0": (
        "This right often does not apply to data a municipality needs for its legal "
        "tasks. The letter then asks for access instead."
    ),
    "rights.advice.bezwaar.0": (
        "You can object when the organisation uses your data for a task in the public "
        "interest or for its own interest. Explain what is special in your situation."
    ),
    "rights.advice.vernietiging.0": (
        "The organisation must destroy your youth-care or Wmo file within three months."
    ),
    "rights.advice.vernietiging.1": (
        "That is not needed if keeping it is very important for someone else, or if a "
        "law says it must be kept."
    ),
    "rights.advice.klacht-organisatie.0": (
        "Complain to the organisation itself first. A municipality must answer within six weeks."
    ),
    "rights.advice.klacht-ap.0": (
        "The Autoriteit Persoonsgegevens asks you to contact the organisation yourself "
        "first. Can't sort it out together? Then you can complain to the AP."
    ),
    "rights.advice.klacht-ap.1": "A complaint to the AP cannot be anonymous.",
    # recipient explanations (privacyapp.rights.recipient)
    "rights.recipient.municipality_email": (
        "We send your letter to the municipality's email address: {email}."
    ),
    "rights.recipient.municipality_form": (
        "{name} has no email address in the register. Copy the letter and paste it "
        "into the contact form on the municipality's website."
    ),
    "rights.recipient.municipality_form_post": (
        " You can also print the letter as a PDF and send it by post."
    ),
    "rights.recipient.municipality_post": (
        "{name} has no email address and no contact form in the register. Save the "
        "letter as a PDF, print it and send it by post."
    ),
    "rights.recipient.municipality_note": (
        " Some municipalities have their own form or ask you to log in with DigiD. "
        "Does yours? Then you can use the text of the letter there."
    ),
    "rights.recipient.email": "We send your letter to {email}.",
    "rights.recipient.post": "Save the letter as a PDF, print it and send it by post.",
    "rights.recipient.ap": (
        "The Autoriteit Persoonsgegevens takes complaints through the complaint form "
        "on its website or by post, not by email. Copy the letter into the form, or "
        "print the PDF and post it. Not sure? Call the AP for free: 088 - 1805 250."
    ),
    "rights.mail_note": (
        "Your letter is too long for a mail link. Your mail app opens with a short "
        "text, and the app copies the whole letter: paste it into the email, or attach "
        "the PDF. You can also try the full link: many mail apps can handle it."
    ),
    # terms (privacyapp.rights.deadline), by rule
    "rights.term.avg": "The organisation must answer within one month.",
    "rights.term.avg.extended": (
        "The organisation said in time that it needs more time. So the term is three "
        "months in total."
    ),
    "rights.term.avg.late": (
        "The organisation announced the extension too late: that had to be within one "
        "month. So the extension does not count, and the term of one month stays."
    ),
    "rights.term.drie-maanden": (
        "The organisation must destroy your file within three months after your request."
    ),
    "rights.term.zes-weken": (
        "A municipality must handle a complaint within six weeks (General "
        "Administrative Law Act, article 9:11). For other organisations it is a "
        "reasonable term."
    ),
    # where a request stands (privacyapp.rights.followup.next_step), by stage
    "rights.stage.verstuurd": "Sent",
    "rights.stage.verstuurd.text": "The organisation must answer by {due} at the latest.",
    "rights.stage.termijn-bijna-om": "Term almost over",
    "rights.stage.termijn-bijna-om.text": (
        "The organisation must answer by {due} at the latest. Still heard nothing? "
        "Keep an eye on your email and letterbox."
    ),
    "rights.stage.termijn-verlopen": "Term passed",
    "rights.stage.termijn-verlopen.text": (
        "The term ended on {due}. Send a reminder: the app writes it for you. The "
        "organisation then gets two more weeks."
    ),
    "rights.stage.herinnering-verstuurd": "Reminder sent",
    "rights.stage.herinnering-verstuurd.text": (
        "You sent a reminder. The organisation has until {until} to answer."
    ),
    "rights.stage.herinnering-verstuurd.text-no-date": "You sent a reminder.",
    "rights.stage.klacht-bij-ap-mogelijk": "Complain to the Autoriteit Persoonsgegevens",
    "rights.stage.klacht-bij-ap-mogelijk.text": (
        "The organisation did not answer your reminder either. You can now complain "
        "to the Autoriteit Persoonsgegevens. The app writes the complaint for you."
    ),
    "rights.stage.klacht-bij-ap-ingediend": "Complaint made",
    "rights.stage.klacht-bij-ap-ingediend.text": (
        "You complained to the Autoriteit Persoonsgegevens. The AP will tell you what happens next."
    ),
    "rights.stage.geen-termijn": "No fixed term",
    "rights.stage.geen-termijn.text": (
        "A complaint to the Autoriteit Persoonsgegevens has no fixed term."
    ),
    "rights.stage.afgerond": "Done",
    "rights.stage.afgerond.text": "You have finished this request.",
    # notices (privacyapp.rights.session)
    "rights.notice.reminder_saved": "Your reminder is saved with your request.",
    "rights.notice.saved": "Saved in My overview, sent on {date}.",
    "rights.notice.extension_saved": "The extension is saved.",
    "rights.notice.reminder_ready": (
        "Your reminder is below. Send it the same way as your first letter."
    ),
    "rights.notice.ap_prefilled": (
        "Your complaint has been filled in for you. Add your address and write the letter."
    ),
    "rights.notice.answered": "Good! The request is marked as answered in My overview.",
    # errors (privacyapp.rights.errors and where they are raised)
    "rights.error.missing": "Please still fill in: {labels}.",
    "rights.error.too_long": (
        "'{label}' is too long ({length} characters). Make it shorter than {limit} characters."
    ),
    "rights.error.email_empty": (
        "Fill in an email address, for example privacy@gemeente.nl. No email address? "
        "Then choose a postal address."
    ),
    "rights.error.email_invalid": (
        "'{address}' is not a valid email address. Check the address; it looks like "
        "name@organisation.nl, without spaces or commas."
    ),
    "rights.error.choose_municipality": (
        "First choose your municipality, or choose 'Another organisation' and fill in the address."
    ),
    "rights.error.unreachable": (
        "We don't know how to reach the municipality of {name}. Call the "
        "municipality or look on its website, and fill in the address yourself."
    ),
    "rights.error.org_name": "Fill in the name of the organisation.",
    "rights.error.org_address": (
        "Fill in an email address or a postal address of {name}. Without an address "
        "the letter cannot be sent."
    ),
    "rights.error.law": (
        "'Kind of file' says '{value}'. Choose jeugd (Youth Act) or wmo (Wmo 2015)."
    ),
    "rights.error.date": "'{text}' is not a date. Write it as YYYY-MM-DD.",
    "rights.error.extension_before": (
        "The date of the extension is before the date of your request. Check the dates."
    ),
    "rights.error.follow_up_before": "A next step cannot be before your request.",
    "rights.error.no_term": "This request has no term, so no reminder either.",
    "rights.error.term_running": (
        "The term runs up to and including {date}. Only send a reminder after that date."
    ),
    "rights.error.no_term_ap": (
        "A complaint to the Autoriteit Persoonsgegevens has no fixed term. The AP will "
        "tell you what happens next."
    ),
    "rights.error.pdf_font": (
        "The app's font was not found, so the PDF cannot be made. Copy the letter as "
        "text, or install the app again."
    ),
    "rights.error.stored": (
        "A saved request cannot be read. It may have been made with a newer version "
        "of the app; please update the app. (Detail: {detail})"
    ),
}
i18n.register({"en": SERVICE_ENGLISH})
