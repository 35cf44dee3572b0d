"""The shell's own UI text (home, flows, search, Meer, settings), Dutch and English.

Content from the flows is never here: it stays Dutch. Feature modules register their own text
(see ``privacyapp.views.kit.i18n``).
"""

from __future__ import annotations

from privacyapp.views.kit import i18n

__all__: list[str] = []

NL = {
    "app.name": "PrivacyApp ondersteuning en zorg",
    "app.short": "PrivacyApp",
    # navigation
    "nav.vragen": "Vragen",
    "nav.zoeken": "Zoeken",
    "nav.overzicht": "Mijn overzicht",
    "nav.meer": "Meer",
    "nav.back": "Terug",
    "nav.search": "Zoeken",
    "nav.emergency": "Hulp bij nood",
    "nav.home": "Naar het begin",
    # home
    "home.title": "Waar gaat je vraag over?",
    "home.intro": "Kies wie je bent en waar je vraag over gaat. Je krijgt een paar vragen en "
    "daarna advies met de wet erbij.",
    "home.audience": "Wie ben je?",
    "home.audience.change": "Wijzig",
    "home.audience.chosen": "Je kijkt als: {audience}",
    "home.sectors": "Kies een onderwerp",
    "home.sectors.all": "Alle onderwerpen",
    "home.search.label": "Zoek een vraag",
    "home.search.hint": "Bijvoorbeeld: dossier inzien",
    "home.search.button": "Zoek",
    "home.disclaimer": "Deze app gaat alleen over privacy en het gebruik van gegevens. "
    "Vragen over de zorg of hulp zelf stel je aan je gemeente of hulpverlener.",
    # emergency
    "emergency.title": "Hulp bij nood",
    "emergency.short": "Direct hulp nodig?",
    "emergency.veilig_thuis": "Veilig Thuis 0800-2000",
    "emergency.veilig_thuis.text": "Advies en melden bij huiselijk geweld en kindermishandeling. "
    "Gratis, dag en nacht.",
    "emergency.112": "Bel 112",
    "emergency.112.text": "Bij direct gevaar: bel 112.",
    # questions
    "questions.title": "Vragen",
    "questions.title.sector": "Vragen over {sector}",
    "questions.empty": "Er zijn nog geen vragen voor deze keuze. Kies een ander onderwerp of "
    "zoek op een woord.",
    "questions.other": "Overige vragen",
    "questions.all_sectors": "Alle onderwerpen",
    # flow player
    "flow.progress": "Stap {step}",
    "flow.progress.of": "Stap {step} van ongeveer {total}",
    "flow.back": "Vorige stap",
    "flow.restart": "Opnieuw beginnen",
    "flow.path": "Je antwoorden tot nu toe",
    "flow.path.empty": "Je hebt nog niets beantwoord.",
    "flow.next": "Verder",
    "flow.help": "Uitleg",
    "flow.unknown": "Deze vraag bestaat niet (meer). Kies een vraag uit de lijst.",
    "flow.resume": "We beginnen bij de eerste vraag.",
    "flow.checklist.answer": "Antwoord",
    "flow.checklist.note": "Notitie (mag leeg blijven)",
    "flow.checklist.missing": "Beantwoord eerst alle vragen. Weet je het niet? "
    "Kies dan 'weet ik niet'.",
    "flow.checklist.yes": "Ja",
    "flow.checklist.no": "Nee",
    "flow.checklist.unknown": "Weet ik niet",
    "flow.checklist.done": "Bekijk het advies",
    # advice
    "advice.steps": "Wat kun je doen?",
    "advice.why": "Waarom?",
    "advice.sources": "Bronnen",
    "advice.help": "Meer hulp",
    "advice.actions": "Verder",
    "advice.record": "Vastleggen voor het dossier",
    "advice.call": "Bel {phone}",
    "advice.new_question": "Nieuwe vraag",
    "advice.soon": "komt binnenkort",
    # search
    "search.title": "Zoeken",
    "search.label": "Zoek in alle vragen en adviezen",
    "search.button": "Zoek",
    "search.empty": "Typ een woord, bijvoorbeeld 'dossier', 'huisarts' of 'bewaren'.",
    "search.none": "Niets gevonden voor '{query}'. Probeer een ander woord of kies een "
    "onderwerp op de beginpagina.",
    "search.count": "{count} resultaten voor '{query}'",
    "search.count.one": "1 resultaat voor '{query}'",
    # meer
    "more.title": "Meer",
    "more.about": "Over deze app",
    "more.sources": "Bronnen",
    "more.accessibility": "Toegankelijkheid",
    "more.privacy": "Privacyverklaring",
    "more.settings": "Instellingen",
    "more.content": "Inhoud: versie {version}, {date}, {flows} vragen",
    "about.title": "Over deze app",
    "about.text": "De PrivacyApp helpt inwoners, professionals en wettelijk vertegenwoordigers "
    "in het sociaal domein met vragen over privacy: mag ik dit delen, mag ik mijn dossier zien, "
    "hoe lang wordt het bewaard? Je beantwoordt een paar vragen en krijgt advies met de wet "
    "erbij.",
    "about.not": "De app gaat alleen over privacy en het gebruik van gegevens. Hij gaat niet "
    "over de zorg of hulp zelf. Daarvoor neem je contact op met je gemeente of hulpverlener.",
    "about.advice": "Het advies is algemeen. Twijfel je? Vraag het Juridisch Loket, de "
    "functionaris gegevensbescherming van je organisatie of je gemeente.",
    "about.content": "Versie van de inhoud: {version} ({date}).",
    "sources.title": "Bronnen",
    "sources.intro": "Het advies in deze app is gebaseerd op deze wetten en regels. De links "
    "gaan naar de officiële tekst; voor Nederlandse wetten is dat wetten.overheid.nl.",
    "sources.bill": "Wetsvoorstel, nog geen wet",
    "a11y.title": "Toegankelijkheid",
    "a11y.text": "We willen dat iedereen deze app kan gebruiken. De app volgt de richtlijnen "
    "van WCAG 2.1 niveau AA (EN 301 549).",
    "a11y.points": "Werkt met een schermlezer. Alles is te bedienen met het toetsenbord: Tab "
    "om te bewegen, Enter om te kiezen, Escape om terug te gaan. Tekst kan tot 200 procent "
    "groter. Er is een thema met extra contrast.",
    "a11y.contact": "Werkt iets niet goed voor jou? Laat het ons weten via de organisatie die "
    "je deze app heeft aangeraden.",
    "privacy.title": "Privacyverklaring",
    "privacy.text": "Deze app volgt je niet. Er zijn geen accounts, geen statistieken en geen "
    "trackers. De app laadt niets van andere partijen.",
    "privacy.storage": "Wat je bewaart (een vastgelegd pad, een verzoek) staat versleuteld op "
    "je eigen apparaat. Je instellingen (taal, tekstgrootte, thema, of je inwoner of "
    "professional bent) staan op je apparaat.",
    "privacy.network": "De app gaat alleen online als jij erom vraagt: om de gegevens van je "
    "gemeente op te halen, om de inhoud bij te werken, of als je een link opent.",
    "settings.title": "Instellingen",
    "settings.language": "Taal",
    "settings.language.nl": "Nederlands",
    "settings.language.en": "English",
    "settings.text_size": "Tekstgrootte",
    "settings.theme": "Kleuren",
    "settings.theme.light": "Licht",
    "settings.theme.dark": "Donker",
    "settings.theme.contrast": "Hoog contrast",
    "settings.audience": "Je kijkt als",
    "settings.audience.none": "Nog niet gekozen",
    "content.dutch_only": "",
    # placeholders
    "feature.overview": "Mijn overzicht",
    "feature.lock": "App-slot",
    "feature.record": "Vastleggen voor het dossier",
    "feature.municipality": "Mijn gemeente",
    "feature.rights": "Verzoek opstellen",
    "soon.text": "Dit onderdeel komt binnenkort in de app. Tot die tijd kun je je vragen "
    "stellen en advies lezen.",
    "notfound.title": "Deze pagina bestaat niet",
    "notfound.text": "Misschien is de link oud. Ga terug naar het begin.",
}

EN = {
    "app.name": "PrivacyApp ondersteuning en zorg",
    "app.short": "PrivacyApp",
    "nav.vragen": "Questions",
    "nav.zoeken": "Search",
    "nav.overzicht": "My overview",
    "nav.meer": "More",
    "nav.back": "Back",
    "nav.search": "Search",
    "nav.emergency": "Emergency help",
    "nav.home": "Go to start",
    "home.title": "What is your question about?",
    "home.intro": "Choose who you are and what your question is about. You answer a few "
    "questions and then get advice with the law that applies.",
    "home.audience": "Who are you?",
    "home.audience.change": "Change",
    "home.audience.chosen": "You are viewing as: {audience}",
    "home.sectors": "Choose a topic",
    "home.sectors.all": "All topics",
    "home.search.label": "Search for a question",
    "home.search.hint": "For example: dossier inzien",
    "home.search.button": "Search",
    "home.disclaimer": "This app is only about privacy and the use of personal data. Ask your "
    "municipality or care provider about the care or support itself.",
    "emergency.title": "Emergency help",
    "emergency.short": "Need help right now?",
    "emergency.veilig_thuis": "Veilig Thuis 0800-2000",
    "emergency.veilig_thuis.text": "Advice and reporting on domestic violence and child abuse. "
    "Free, day and night.",
    "emergency.112": "Call 112",
    "emergency.112.text": "In immediate danger: call 112.",
    "questions.title": "Questions",
    "questions.title.sector": "Questions about {sector}",
    "questions.empty": "There are no questions for this choice yet. Choose another topic or "
    "search for a word.",
    "questions.other": "Other questions",
    "questions.all_sectors": "All topics",
    "flow.progress": "Step {step}",
    "flow.progress.of": "Step {step} of about {total}",
    "flow.back": "Previous step",
    "flow.restart": "Start again",
    "flow.path": "Your answers so far",
    "flow.path.empty": "You have not answered anything yet.",
    "flow.next": "Continue",
    "flow.help": "Explanation",
    "flow.unknown": "This question does not exist (any more). Choose a question from the list.",
    "flow.resume": "We start at the first question.",
    "flow.checklist.answer": "Answer",
    "flow.checklist.note": "Note (optional)",
    "flow.checklist.missing": "Answer every question first. Not sure? Choose 'Don't know'.",
    "flow.checklist.yes": "Yes",
    "flow.checklist.no": "No",
    "flow.checklist.unknown": "Don't know",
    "flow.checklist.done": "See the advice",
    "advice.steps": "What can you do?",
    "advice.why": "Why?",
    "advice.sources": "Sources",
    "advice.help": "More help",
    "advice.actions": "Next",
    "advice.record": "Record for the client file",
    "advice.call": "Call {phone}",
    "advice.new_question": "New question",
    "advice.soon": "coming soon",
    "search.title": "Search",
    "search.label": "Search all questions and advice",
    "search.button": "Search",
    "search.empty": "Type a word (in Dutch), for example 'dossier', 'huisarts' or 'bewaren'.",
    "search.none": "Nothing found for '{query}'. Try another word (in Dutch) or choose a topic "
    "on the start page.",
    "search.count": "{count} results for '{query}'",
    "search.count.one": "1 result for '{query}'",
    "more.title": "More",
    "more.about": "About this app",
    "more.sources": "Sources",
    "more.accessibility": "Accessibility",
    "more.privacy": "Privacy statement",
    "more.settings": "Settings",
    "more.content": "Content: version {version}, {date}, {flows} questions",
    "about.title": "About this app",
    "about.text": "PrivacyApp helps residents, professionals and legal representatives in the "
    "Dutch social domain with privacy questions: may I share this, may I see my file, how long "
    "is it kept? You answer a few questions and get advice with the law that applies.",
    "about.not": "The app is only about privacy and the use of personal data. It is not about "
    "the care or support itself. For that, contact your municipality or care provider.",
    "about.advice": "The advice is general. In doubt? Ask Het Juridisch Loket, your "
    "organisation's data protection officer or your municipality.",
    "about.content": "Content version: {version} ({date}).",
    "sources.title": "Sources",
    "sources.intro": "The advice in this app is based on these laws and rules. The links go "
    "to the official text; for Dutch law that is wetten.overheid.nl.",
    "sources.bill": "Bill, not yet law",
    "a11y.title": "Accessibility",
    "a11y.text": "We want everyone to be able to use this app. It follows WCAG 2.1 level AA "
    "(EN 301 549).",
    "a11y.points": "Works with a screen reader. Everything works with the keyboard: Tab to "
    "move, Enter to choose, Escape to go back. Text can be made up to 200 percent larger. There "
    "is a high-contrast theme.",
    "a11y.contact": "Does something not work well for you? Tell the organisation that "
    "recommended this app to you.",
    "privacy.title": "Privacy statement",
    "privacy.text": "This app does not track you. There are no accounts, no statistics and no "
    "trackers. The app loads nothing from other parties.",
    "privacy.storage": "What you save (a recorded path, a request) is stored encrypted on your "
    "own device. Your settings (language, text size, theme, whether you are a resident or a "
    "professional) are stored on your device.",
    "privacy.network": "The app only goes online when you ask it to: to fetch your "
    "municipality's contact details, to update its content, or when you open a link.",
    "settings.title": "Settings",
    "settings.language": "Language",
    "settings.language.nl": "Nederlands",
    "settings.language.en": "English",
    "settings.text_size": "Text size",
    "settings.theme": "Colours",
    "settings.theme.light": "Light",
    "settings.theme.dark": "Dark",
    "settings.theme.contrast": "High contrast",
    "settings.audience": "You are viewing as",
    "settings.audience.none": "Not chosen yet",
    "content.dutch_only": "The questions and advice are only available in Dutch. The buttons "
    "and menus are in English.",
    "feature.overview": "My overview",
    "feature.lock": "App lock",
    "feature.record": "Record for the client file",
    "feature.municipality": "My municipality",
    "feature.rights": "Write a request",
    "soon.text": "This part is coming to the app soon. Until then you can ask your questions "
    "and read the advice.",
    "notfound.title": "This page does not exist",
    "notfound.text": "The link may be out of date. Go back to the start.",
}

i18n.register({"nl": NL, "en": EN})
