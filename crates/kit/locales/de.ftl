# Palabre — deutscher Katalog
skip-to-content = Zum Inhalt springen
nav-main = Hauptnavigation
nav-participate = Mitmachen
nav-menu = Menü
nav-menu-close = Menü schließen
nav-home = Startseite
nav-processes = Beteiligungsverfahren
nav-news = Neuigkeiten
nav-about = Über uns
language-switch = Sprache
footer-legal = Impressum
footer-privacy = Datenschutz
footer-accessibility = Barrierefreiheit: teilweise konform
footer-terms = Nutzungsbedingungen
footer-powered = Betrieben mit Palabre, freie Software für Bürgerbeteiligung
home-news-heading = Aktuelle Neuigkeiten
home-news-empty = Noch keine Neuigkeiten.
home-see-processes = Zu den Beteiligungsverfahren
home-processes-heading = Laufende Beteiligungsverfahren
home-processes-empty = Derzeit läuft kein Verfahren: Sehen Sie sich die bevorstehenden an.
home-figures-heading = Beteiligung in Zahlen
home-figures-participants = { $count ->
    [one] registrierte Person
   *[other] registrierte Einwohnerinnen und Einwohner
}
home-figures-open = { $count ->
    [one] laufendes Verfahren
   *[other] laufende Verfahren
}
home-figures-contributions = { $count ->
    [one] eingegangener Beitrag
   *[other] eingegangene Beiträge
}
home-figures-proposals = { $count ->
    [one] Bürgervorschlag
   *[other] Bürgervorschläge
}
home-phases-heading = Nächste Schritte
home-phases-empty = Noch ist keine Phase angekündigt.
home-news-all = Alle Neuigkeiten
published-on = Veröffentlicht am { $date }
page-updated-on = Aktualisiert am { $date }
back-home = Zurück zur Startseite
error-400-title = Ungültige Anfrage
error-400-body = Die Anfrage konnte nicht verstanden werden. Bitte prüfen Sie das Formular und versuchen Sie es erneut.
error-403-title = Zugriff verweigert
error-403-body = Sie sind nicht berechtigt, diese Aktion auszuführen.
error-csrf-body = Dieses Formular ist abgelaufen oder stammt nicht von dieser Website. Laden Sie die Seite neu und senden Sie es erneut.
error-blocked-body = Ihr Konto wurde vom Team der Gemeinde gesperrt: Sie können die Seite lesen und Ihre Daten ansehen, herunterladen oder löschen, aber nicht mehr beitragen. Wenden Sie sich dazu an das Rathaus.
error-404-title = Seite nicht gefunden
error-404-body = Die angeforderte Seite existiert nicht oder wurde verschoben.
error-405-title = Methode nicht erlaubt
error-405-body = Diese Adresse akzeptiert diese Art von Anfrage nicht.
error-413-title = Upload zu groß
error-413-body = Der gesendete Inhalt ist größer als erlaubt.
error-fields-body = Das gesendete Formular enthält zu viele Felder (höchstens 2.000). Es wurde nichts gespeichert.
error-500-title = Serverfehler
error-500-body = Etwas Unerwartetes ist schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.
error-503-title = Dienst nicht verfügbar
error-503-body = Die Website ist derzeit nicht richtig konfiguriert. Die Administratoren wurden informiert.
error-busy-body = Die Website ist gerade stark ausgelastet, und Ihre Eingabe wurde nicht gespeichert. Es wurde nichts geändert: Gehen Sie zurück und senden Sie sie in einigen Sekunden erneut.
error-newer-schema-body = Die Website wird gerade aktualisiert: Sie kann im Moment nichts speichern, und nichts von dem, was Sie gesendet haben, wurde gespeichert. Gehen Sie zurück und versuchen Sie es in einigen Minuten erneut; Sie können die Seiten weiter lesen.
error-mail-origin-body = Diese Website kann noch keine E-Mails mit Link versenden: Ihre öffentliche Adresse (base_url) ist nicht konfiguriert. Es wurde nichts gespeichert. Bitte informieren Sie die Gemeinde; Sie können es erneut versuchen, sobald sie eingerichtet ist.
error-pending-title = Wird bereits gesendet
error-pending-body = Dieses Formular wurde bereits gesendet und wird noch verarbeitet. Es wird nur einmal gespeichert: Warten Sie einige Sekunden und laden Sie die Seite dann neu.
error-done-title = Bereits berücksichtigt
error-done-body = Dieses Formular wurde bereits gesendet und gespeichert; es wurde nicht ein zweites Mal gespeichert. Sonst ist nichts zu tun: Gehen Sie zur vorherigen Seite zurück und laden Sie sie neu, um das Ergebnis zu sehen.
date-long = { $day }. { $month } { $year }
date-month = { $month } { $year }
date-short = { $day }. { $month }
date-time = { $date } um { $time }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
nav-login = Anmelden
nav-logout = Abmelden
form-has-errors = Das Formular enthält Fehler
form-conflict-title = Zwischenzeitlich geändert
form-conflict-body = Jemand anderes hat diesen Inhalt gespeichert, nachdem Sie dieses Formular geöffnet haben. Ihre Fassung wurde nicht gespeichert, um seine nicht zu überschreiben: Ihre Eingaben stehen unten. Vergleichen Sie sie mit der veröffentlichten Fassung und speichern Sie dann erneut, wenn Sie möchten.
field-required-mark = (Pflichtfeld)
field-required = Dieses Feld ist erforderlich.
field-too-long = Dieser Text ist zu lang.
field-invalid-email = Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.
field-invalid-characters = Dieser Text enthält unzulässige Zeichen.
password-too-short = Das Passwort muss mindestens 8 Zeichen lang sein.
password-too-long = Das Passwort darf höchstens 128 Zeichen lang sein.
password-too-common = Dieses Passwort gehört zu den häufigsten. Wählen Sie ein anderes.
password-mismatch = Die beiden Passwörter stimmen nicht überein.
password-hint = Mindestens 8 Zeichen. Ein Satz, den Sie sich merken können, eignet sich gut.
field-email = E-Mail-Adresse
field-password = Passwort
field-password-confirm = Passwort bestätigen
field-display-name = Angezeigter Name
field-commune-name = Name der Gemeinde
field-default-locale = Standardsprache der Website
setup-title = Einrichtung der Plattform
setup-intro = Willkommen! Geben Sie den Namen Ihrer Gemeinde ein und legen Sie das erste Administratorkonto an. Diese Seite verschwindet nach der Einrichtung.
setup-admin-heading = Erstes Administratorkonto
setup-submit = Einrichtung abschließen
login-title = Anmelden
login-submit = Anmelden
login-failed = E-Mail-Adresse oder Passwort falsch.
error-429-title = Zu viele Versuche
error-429-wait = Sie haben in kurzer Zeit zu viele Versuche unternommen. Sie können es in { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
  } erneut versuchen, um { $time }.
error-429-kept = Ihre Eingaben bleiben auf dieser Seite erhalten (außer Passwörtern): Senden Sie sie nach Ablauf der Wartezeit erneut.
error-429-retry = Erneut senden
error-429-body = Sie haben in kurzer Zeit zu viele Versuche unternommen. Versuchen Sie es in einigen Minuten erneut.
email-taken = Diese E-Mail-Adresse wird bereits von einem Konto verwendet.
field-invalid-choice = Wählen Sie eine der angebotenen Optionen.
field-out-of-range = Geben Sie eine ganze Zahl innerhalb der angegebenen Grenzen ein.
field-too-few-options = Geben Sie mindestens zwei Auswahlmöglichkeiten an, eine pro Zeile.
nav-signup = Registrieren
signup-title = Konto erstellen
signup-intro = Mit einem Konto können Sie Beteiligungsverfahren verfolgen, mitdiskutieren, Fragebögen beantworten und Ihre Ideen einbringen.
field-accept-terms = Ich habe die Nutzungsbedingungen gelesen und akzeptiere sie
terms-link = Nutzungsbedingungen lesen
must-accept = Sie müssen die Nutzungsbedingungen akzeptieren, um ein Konto zu erstellen.
signup-submit = Mein Konto erstellen
signup-have-account = Sie haben bereits ein Konto?
login-no-account = Noch kein Konto?
signup-sent-title = Prüfen Sie Ihr Postfach
signup-sent-body = Wenn diese Adresse verwendet werden kann, wurde soeben eine Nachricht an sie gesendet. Öffnen Sie den darin enthaltenen Link, um Ihr Konto zu aktivieren: Er ist 48 Stunden gültig.
mail-confirm-subject = Aktivieren Sie Ihr Konto auf { $site }
mail-confirm-body = Hallo { $name }, danke für Ihre Registrierung. Um Ihr Konto zu aktivieren, öffnen Sie den folgenden Link. Wenn Sie dies nicht angefordert haben, ignorieren Sie diese Nachricht.
mail-confirm-action = Mein Konto aktivieren
mail-existing-subject = Registrierungsversuch auf { $site }
mail-existing-body = Jemand, vielleicht Sie, wollte mit dieser Adresse ein Konto erstellen, obwohl sie bereits eines hat. Wenn Sie Ihr Passwort vergessen haben, können Sie es auf der Anmeldeseite zurücksetzen. Andernfalls ignorieren Sie diese Nachricht.
confirm-failed-title = Ungültiger oder abgelaufener Link
confirm-failed-body = Dieser Aktivierungslink ist nicht mehr gültig: Er wurde vielleicht schon verwendet oder ist abgelaufen. Melden Sie sich an oder registrieren Sie sich erneut, um einen neuen zu erhalten.
login-unconfirmed = Ihre E-Mail-Adresse ist noch nicht bestätigt. Öffnen Sie den Link aus der erhaltenen Nachricht, um Ihr Konto zu aktivieren.
reset-title = Passwort vergessen
reset-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein: Wir senden Ihnen einen Link, um ein neues Passwort zu wählen.
reset-submit = Link anfordern
reset-sent-title = Prüfen Sie Ihr Postfach
reset-sent-body = Wenn ein Konto diese Adresse verwendet, wurde soeben eine Nachricht an sie gesendet. Der darin enthaltene Link ist eine Stunde gültig und nur einmal verwendbar.
reset-new-title = Neues Passwort wählen
reset-new-submit = Passwort speichern
reset-failed-body = Dieser Link zum Zurücksetzen ist nicht mehr gültig: Er wurde vielleicht schon verwendet oder ist abgelaufen (er gilt eine Stunde). Fordern Sie einen neuen an.
mail-reset-subject = Zurücksetzen Ihres Passworts auf { $site }
mail-reset-body = Hallo, für Ihr Konto wurde das Zurücksetzen des Passworts angefordert. Öffnen Sie den folgenden Link innerhalb einer Stunde, um ein neues Passwort zu wählen. Wenn Sie dies nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.
mail-reset-action = Neues Passwort wählen
mail-security-subject = Sicherheit Ihres Kontos auf { $site }
mail-security-password = Hallo, das Passwort Ihres Kontos wurde soeben geändert.
mail-security-2fa-enabled = Hallo, die Bestätigung in zwei Schritten wurde soeben für Ihr Konto eingeschaltet.
mail-security-2fa-disabled = Hallo, die Bestätigung in zwei Schritten wurde soeben für Ihr Konto ausgeschaltet.
mail-security-not-you = Wenn Sie das waren, ist nichts zu tun. Andernfalls wählen Sie sofort über den folgenden Link ein neues Passwort: Dadurch werden alle offenen Sitzungen beendet.
mail-security-action = Neues Passwort wählen
gate-mail-sign-ins-subject = Anmeldeversuche bei Ihrem Konto auf { $site }
gate-mail-sign-ins-body = Hallo, jemand hat viele Male versucht, sich ohne das richtige Passwort bei Ihrem Konto anzumelden. Diese Versuche sind eine Weile gesperrt; von Ihrem gewohnten Gerät aus können Sie sich weiterhin anmelden, es sei denn, die Versuche kommen von sehr vielen Orten gleichzeitig.
gate-mail-sign-ins-advice = Wenn Sie es waren, ist nichts zu tun. Andernfalls wurde Ihr Passwort nicht gefunden; wählen Sie zur Sicherheit ein langes und einmaliges.
gate-mail-sign-ins-action = Ein neues Passwort wählen
login-forgot = Passwort vergessen?
password-title = Passwort ändern
password-intro = Ihre anderen offenen Sitzungen (auf anderen Geräten) werden beendet.
field-current-password = Aktuelles Passwort
field-new-password = Neues Passwort
current-password-wrong = Das aktuelle Passwort ist falsch.
password-submit = Passwort ändern
password-changed-title = Passwort geändert
password-changed-body = Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden beendet.
nav-my-account = Mein Konto
account-title = Mein Konto
account-intro = Verwalten Sie Ihr Profil, Ihr Passwort und Ihre Daten.
profile-title = Mein Profil
field-bio = Kurze Vorstellung
bio-hint = Freiwillig, höchstens 1.000 Zeichen. Andere Teilnehmende können sie sehen.
field-language = Bevorzugte Sprache
language-site-default = Sprache der Website
notifications-heading = Benachrichtigungen per E-Mail
field-notify-followed = Mich über Neues in den Verfahren informieren, denen ich folge
field-notify-news = Mich über Neuigkeiten der Gemeinde informieren
profile-submit = Speichern
profile-saved = Ihr Profil wurde gespeichert.
data-title = Meine Daten
data-download = Meine Daten herunterladen
data-page-intro = Hier ist alles, was die Plattform über Sie speichert, nach Art der Daten, mit Grund und Speicherdauer. Zeiten in der Zeit der Gemeinde.
data-json-hint = Die JSON-Datei enthält dieselben Daten vollständig, um sie mitzunehmen (Übertragbarkeit).
data-kept-title = Was gespeichert ist
data-summary = { $count ->
    [0] Außer Ihrem Konto wird nichts über Sie gespeichert.
    [one] Eine Art von Daten betrifft Sie.
   *[other] { $count } Arten von Daten betreffen Sie.
} Öffnen Sie eine, um sie zu lesen.
data-count = { $count ->
    [one] 1 Eintrag
   *[other] { $count } Einträge
}
data-more = Die nächsten { $count } stehen in der JSON-Datei.
data-rights = Sie können Ihr Profil jederzeit berichtigen oder Ihr Konto löschen:
data-table-users = Ihr Konto
data-about-users = Was Sie identifiert, und Ihre Einstellungen. Gespeichert, solange das Konto besteht.
data-table-audit_log = Sicherheitsprotokoll
data-about-audit_log = Anmeldungen und heikle Aktionen Ihres Kontos, mit IP-Adresse, zur Sicherheit aller so lange gespeichert, wie die Gemeinde festlegt.
data-table-email_tokens = Per E-Mail gesendete Links
data-about-email_tokens = Die Links zur Bestätigung der Adresse und zum Zurücksetzen des Passworts (nie der Link selbst).
data-table-recovery_codes = Wiederherstellungscodes
data-about-recovery_codes = Die Wiederherstellungscodes der Zwei-Schritt-Bestätigung und wann sie benutzt wurden (nie die Codes selbst).
data-table-login_challenges = Anmeldeschritte
data-about-login_challenges = Die zweiten Anmeldeschritte, die Ihr Konto verlangt hat.
data-table-idempotency_keys = Gesendete Formulare
data-about-idempotency_keys = Die Formulare der letzten 24 Stunden, gespeichert, damit ein Doppelklick nur einmal zählt.
data-table-ended_sessions = Beendete Sitzungen
data-about-ended_sessions = Beendete Sitzungen (Abmeldung), gespeichert bis zu ihrem Ablauf.
data-table-mail_outbox = E-Mails
data-about-mail_outbox = Die E-Mails, die die Plattform Ihnen gesendet hat oder senden wird.
data-table-notifications = Benachrichtigungen
data-about-notifications = Die Benachrichtigungen auf der Website und wann Sie sie gelesen haben.
data-table-follows = Abonnements
data-about-follows = Die Verfahren, Debatten und Personen, denen Sie folgen.
data-table-comment_reports = Ihre Meldungen
data-about-comment_reports = Die Beiträge, die Sie der Moderation gemeldet haben, mit dem angegebenen Grund.
data-table-comment_reports_resolved_by = Von Ihnen bearbeitete Meldungen
data-about-comment_reports_resolved_by = Die Meldungen, die Sie als Moderator oder Moderatorin bearbeitet haben.
data-table-comments = Ihre Kommentare
data-about-comments = Ihre schriftlichen Beiträge. Sie bleiben öffentlich, wenn Sie Ihr Konto löschen, unter „gelöschte Person“.
data-table-comment_reactions = Ihre Reaktionen
data-about-comment_reactions = Ihr „einverstanden“ und „nicht einverstanden“ zu Kommentaren anderer.
data-table-opinion_statements = Ihre Aussagen
data-about-opinion_statements = Die Aussagen, die Sie auf Meinungskarten vorgeschlagen haben.
data-table-opinion_votes = Ihre Stimmen zu Aussagen
data-about-opinion_votes = Ihre Stimmen (einverstanden, nicht einverstanden, überspringen) auf Meinungskarten.
data-table-opinion_ballots = Ihre Teilnahme an Meinungskarten
data-about-opinion_ballots = Die Zahl Ihrer Stimmen je Debatte, die Ihren Punkt auf der Karte setzt.
data-table-discussions = Von Ihnen eröffnete Debatten
data-about-discussions = Die von Ihrem Konto eröffneten Debatten (Team der Gemeinde).
data-table-proposals = Ihre Vorschläge
data-about-proposals = Ihre Vorschläge, Entwürfe eingeschlossen. Veröffentlichte bleiben, wenn Sie Ihr Konto löschen; Entwürfe werden gelöscht.
data-table-proposal_supports = Ihre Unterstützungen
data-about-proposal_supports = Die Vorschläge, die Sie unterstützen.
data-table-proposal_answers = Verfasste offizielle Antworten
data-about-proposal_answers = Die Antworten der Gemeinde, die von Ihrem Konto geschrieben wurden (Team).
data-table-proposal_milestones = Verfasste Umsetzungsschritte
data-about-proposal_milestones = Die Umsetzungsschritte von Vorschlägen, die von Ihrem Konto geschrieben wurden (Team).
data-table-proposal_amendments = Ihre Änderungsvorschläge
data-about-proposal_amendments = Die Änderungen, die Sie an Vorschlägen anderer vorgeschlagen haben.
data-table-answers = Ihre Antworten auf Fragen
data-about-answers = Was Sie geantwortet haben, Frage für Frage. Die Antworten bleiben ohne Bezug zu Ihnen, wenn Sie Ihr Konto löschen.
data-table-responses = Ihre Fragebögen
data-about-responses = Die Fragebögen, die Sie begonnen oder gesendet haben.
data-table-questionnaires = Von Ihnen erstellte Fragebögen
data-about-questionnaires = Die von Ihrem Konto erstellten Fragebögen (Team).
data-table-process_reports = Gespeicherte Bilanzen
data-about-process_reports = Die Verfahrensbilanzen, die Sie zuletzt gespeichert haben (Team).
data-table-process_participants = Verfahren, an denen Sie teilgenommen haben
data-about-process_participants = Die Verfahren, zu denen Sie beigetragen haben: Sie zählen Sie zu ihren Teilnehmenden.
data-table-activity = Ihre öffentliche Aktivität
data-about-activity = Was der Aktivitätsverlauf der Website von Ihren Beiträgen zeigt.
data-table-images = Hochgeladene Bilder
data-about-images = Die Bilder, die Sie hochgeladen haben, mit ihrem Alternativtext.
data-col-at = Datum
data-col-action = Aktion
data-col-ip = IP-Adresse
data-col-purpose = Zweck
data-col-created_at = Erstellt am
data-col-expires_at = Läuft ab am
data-col-used_at = Benutzt am
data-col-id = Nummer
data-col-path = Seite
data-col-claimed_at = Gesendet am
data-col-ended_at = Beendet am
data-col-to_email = Empfänger
data-col-kind = Art
data-col-subject = Betreff
data-col-status = Status
data-col-sent_at = Gesendet am
data-col-activity_id = Ereignis
data-col-read_at = Gelesen am
data-col-target_kind = Gefolgt
data-col-target_id = Gefolgte Nummer
data-col-comment_id = Kommentar
data-col-reason = Grund
data-col-resolution = Entscheidung
data-col-resolved_at = Bearbeitet am
data-col-resource = Zu
data-col-resource_id = Nummer
data-col-parent_id = Antwort auf
data-col-body = Text
data-col-stance = Position
data-col-edited_at = Bearbeitet am
data-col-deleted_at = Zurückgezogen am
data-col-reaction = Reaktion
data-col-process_id = Verfahren
data-col-published_at = Veröffentlicht am
data-col-updated_at = Geändert am
data-col-title = Titel
data-col-url = Adresse
data-col-alt = Alternativtext
data-col-content_type = Format
data-col-email = E-Mail-Adresse
data-col-display_name = Angezeigter Name
data-col-role = Rolle
data-col-locale = Sprache
data-col-bio = Über Sie
data-col-notify_followed = Benachrichtigung zu Gefolgtem
data-col-notify_news = Benachrichtigung zu Neuigkeiten
data-col-email_confirmed_at = Adresse bestätigt am
data-col-totp_enabled_at = Zwei Schritte seit
data-col-discussion_id = Debatte
data-col-statement_id = Aussage
data-col-vote = Stimme
data-col-votes = Stimmen
data-col-slug = Adresse
data-col-question = Frage
data-col-state = Veröffentlichung
data-col-address = Postanschrift
data-col-latitude = Breitengrad
data-col-longitude = Längengrad
data-col-image_id = Bild
data-col-proposal_id = Vorschlag
data-col-on_date = Datum
data-col-percent = Fortschritt (%)
data-col-question_id = Frage
data-col-value = Antwort
data-col-questionnaire_id = Fragebogen
data-col-submitted_at = Gesendet am
delete-title = Mein Konto löschen
delete-intro = Ihre persönlichen Angaben werden gelöscht und alle Ihre Sitzungen beendet. Ihre öffentlichen Beiträge bleiben unter dem Namen „gelöschte Person“ sichtbar. Dies kann nicht rückgängig gemacht werden.
delete-submit = Mein Konto endgültig löschen
deleted-title = Konto gelöscht
deleted-body = Ihr Konto wurde gelöscht und Ihre persönlichen Angaben entfernt. Danke für Ihre Beteiligung.
deleted-participant = Gelöschte Person
field-totp-code = 6-stelliger Code
totp-title = Zwei-Schritt-Verifizierung
totp-intro = Geben Sie den Code aus Ihrer Authentifizierungs-App oder einen Ihrer Wiederherstellungscodes ein.
totp-enrol-title = Zwei-Schritt-Verifizierung aktivieren
totp-required-intro = Die Gemeinde verlangt die Zwei-Schritt-Verifizierung für Konten des Teams. Scannen Sie diesen Code mit einer Authentifizierungs-App und geben Sie den angezeigten Code ein.
totp-qr-label = QR-Code zum Scannen mit einer Authentifizierungs-App
totp-secret-label = Oder geben Sie diesen Schlüssel ein:
totp-enable-submit = Aktivieren
totp-disable-submit = Zwei-Schritt-Verifizierung deaktivieren
totp-settings-title = Zwei-Schritt-Verifizierung
totp-off-intro = Schützen Sie Ihr Konto: Scannen Sie diesen Code mit einer Authentifizierungs-App und geben Sie den angezeigten Code ein.
totp-on-intro = Die Zwei-Schritt-Verifizierung ist aktiv. Um sie zu deaktivieren, geben Sie einen Code aus Ihrer App ein.
totp-disabled-body = Die Zwei-Schritt-Verifizierung ist deaktiviert.
totp-recovery-title = Ihre Wiederherstellungscodes
totp-recovery-intro = Notieren Sie diese Codes und bewahren Sie sie sicher auf: Jeder erlaubt eine Anmeldung, falls Sie Ihr Telefon verlieren. Sie werden nicht erneut angezeigt.
totp-expired-title = Verifizierung abgelaufen
totp-expired-body = Dieser Anmeldeschritt ist abgelaufen oder wurde bereits verwendet. Bitte melden Sie sich erneut an.
wrong-code = Dieser Code ist ungültig. Prüfen Sie die Uhrzeit Ihres Telefons und versuchen Sie es erneut.
security-title = Sicherheit der Plattform
security-intro = Sicherheitseinstellungen, die für das gesamte Team der Gemeinde gelten.
field-require-staff-2fa = Zwei-Schritt-Verifizierung für Moderatoren und Administratoren verlangen
reset-done-login-body = Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen Passwort an.

## Processes (concertations)
processes-title = Beteiligungsverfahren
processes-intro = Die Projekte, zu denen die Gemeinde Sie befragt: laufend, bevorstehend und abgeschlossen.
processes-empty = Noch ist kein Beteiligungsverfahren veröffentlicht.
process-status-upcoming = Bevorstehend
process-status-open = Laufend
process-status-closed = Abgeschlossen
process-draft = Entwurf (nur für das Team sichtbar)
process-scope-commune = Die ganze Gemeinde
process-dates-from = Vom
process-dates-to = bis
process-progress = Verstrichene Zeit: { $percent } %
process-participants = { $count ->
    [one] { $count } Person beteiligt
   *[other] { $count } Personen beteiligt
}
process-contributions = { $count ->
    [one] { $count } Beitrag
   *[other] { $count } Beiträge
}
process-figures = Kennzahlen
process-elapsed = der Laufzeit vergangen
process-participants-label = { $count ->
    [one] Beteiligte
   *[other] Beteiligte
}
process-contributions-label = { $count ->
    [one] Beitrag
   *[other] Beiträge
}
process-about = Das Projekt
process-take-part = Mitmachen
process-open-tools = In der laufenden Phase können Sie:
process-no-open-tools = Derzeit ist keine Beteiligung geöffnet: Sehen Sie sich die Phasen unten an.
process-phases = Phasen
phase-tools = Beteiligung:
process-ical = Die Phasen in meinen Kalender übernehmen (iCal)
process-no-phases = Die Phasen werden bald veröffentlicht.
tool-discussion = Diskutieren
tool-questionnaire = Den Fragebogen beantworten
tool-proposal = Vorschläge einreichen und unterstützen
field-invalid-date = Wählen Sie ein gültiges Datum, zum Beispiel den 1. März 2026.
field-end-before-start = Das Enddatum muss nach dem Anfangsdatum liegen.
field-outside-process = Die Daten der Phase müssen innerhalb der Daten des Verfahrens liegen.
field-invalid-slug = Die Adresse darf nur Kleinbuchstaben ohne Akzente, Ziffern und Bindestriche enthalten.
field-slug-taken = Diese Adresse wird bereits verwendet.
field-invalid-color = Geben Sie eine Farbe im Format #RRGGBB ein, zum Beispiel #1d4e89.
field-contrast-too-low = Der Kontrast zu Weiß ist zu gering (mindestens 4,5:1 für Stufe AA).
news-title = Neuigkeiten
news-feed = Neuigkeiten abonnieren (Atom)
news-back = Alle Neuigkeiten
pagination = Seiten
pagination-previous = Vorherige Seite
pagination-next = Nächste Seite
pagination-page = Seite { $page } von { $pages }
## Back-office
nav-admin = Verwaltung
admin-title = Verwaltung
admin-setup-title = Zu konfigurieren
admin-setup-base-url = Die öffentliche Adresse der Website (Variable base_url, zum Beispiel https://mitmachen.stadt.de) ist nicht konfiguriert: Keine E-Mail mit Link (Registrierung, Passwort vergessen, Einladung) kann versendet werden. Siehe docs/DEPLOY.md.
admin-back-to-index = Zurück zur Verwaltung
admin-saved = Die Änderungen wurden gespeichert.
admin-save = Speichern
admin-view-public = Öffentliche Seite ansehen
admin-view-home = Startseite ansehen
admin-list-empty = Noch nichts vorhanden.
admin-status-draft = Entwurf
admin-status-published = Veröffentlicht
admin-col-title = Titel
admin-col-status = Status
admin-col-published = Veröffentlicht
admin-col-address = Adresse
admin-col-updated = Aktualisiert
admin-col-dates = Daten
admin-col-name = Name
admin-col-tools = Beteiligung
admin-field-title = Titel
admin-field-slug = Adresse der Seite
admin-field-slug-hint = Kleinbuchstaben ohne Akzente, Ziffern und Bindestriche. Leer lassen, um sie aus dem Titel zu bilden.
admin-field-summary = Zusammenfassung
admin-field-body = Text
admin-field-markdown-hint = Markdown-Formatierung: **fett**, *kursiv*, Listen mit „- “, Links [Text](https://…). HTML wird so angezeigt, wie es eingegeben wurde.
admin-field-status = Status
admin-field-scope = Betroffenes Gebiet
admin-field-starts = Anfangsdatum
admin-field-ends = Enddatum
admin-field-date-hint = Einschließlich: öffnet um Mitternacht und schließt um Mitternacht des Folgetags, Ortszeit der Gemeinde.
admin-field-name = Name
admin-field-description = Beschreibung
admin-field-tagline = Leitspruch
admin-field-intro = Begrüßungstext
admin-field-zone = Zeitzone
admin-field-zone-hint = Daten und Uhrzeiten erscheinen in der Ortszeit der Gemeinde, Sommerzeit inbegriffen, und Phasen öffnen und schließen um ihre Mitternacht.
admin-field-primary = Hauptfarbe
admin-field-secondary = Zweitfarbe
admin-field-color-hint = Wählen Sie eine Farbe, die dunkel genug ist, damit weiße Schrift darauf lesbar bleibt (Kontrast von mindestens 4,5:1).
admin-block-hidden = Ausgeblendet
admin-block-hint = Position auf der Startseite oder „Ausgeblendet“.
admin-block-hero = Block „Kopf“ (Titel, Leitspruch, Begrüßungstext)
admin-block-processes = Block „Laufende Beteiligungsverfahren“
admin-block-figures = Block „Kennzahlen“
admin-block-phases = Block „Nächste Schritte“
admin-block-news = Block „Neuigkeiten“
admin-site-title = Identität der Website und Startseite
admin-site-intro = Der Name der Gemeinde, ihre Farben und die Blöcke der Startseite in der gewählten Reihenfolge.
admin-news-title = Neuigkeiten
admin-news-intro = Neuigkeiten schreiben, veröffentlichen und aktualisieren.
admin-news-new = Neue Meldung
admin-news-no-process = Die ganze Gemeinde
admin-field-news-process = Verfahren
admin-field-news-process-hint = Eine Neuigkeit eines Verfahrens erscheint auch auf seiner Seite, und seine Abonnenten werden benachrichtigt.
process-news-title = Neuigkeiten dieses Verfahrens
admin-news-edit = Meldung bearbeiten
admin-pages-title = Informationsseiten
admin-pages-intro = Über uns, Mitmachen, Impressum, Datenschutz, Nutzungsbedingungen, Barrierefreiheit.
admin-pages-edit = Seite bearbeiten
admin-processes-title = Beteiligungsverfahren
admin-processes-intro = Verfahren, ihre Daten und ihre Phasen anlegen.
admin-processes-new = Neues Verfahren
admin-processes-edit = Verfahren bearbeiten
admin-phases-new = Phase hinzufügen
admin-phases-edit = Phase bearbeiten
admin-phases-delete = Diese Phase löschen
admin-phases-intro = Eine Phase von „{ $process }“, das vom { $starts } bis zum { $ends } läuft.
field-phases-outside = Einige Phasen liegen außerhalb dieser Daten: Ändern Sie diese zuerst.
admin-current-image = Aktuelles Bild
admin-field-image = Bild
admin-field-image-hint = PNG, JPEG oder WebP, höchstens 2 MB.
admin-field-image-alt = Alternativtext des Bildes
admin-field-image-alt-hint = Was das Bild zeigt, für Menschen, die es nicht sehen. Pflicht bei einem Bild.
admin-field-image-remove = Aktuelles Bild entfernen
admin-field-logo = Logo
admin-field-favicon = Website-Symbol (Favicon)
field-image-too-large = Das Bild ist größer als 2 MB.
field-image-type = Wählen Sie ein PNG-, JPEG- oder WebP-Bild.
field-image-broken = Diese Datei ist kein lesbares Bild.
nav-notifications = { $count ->
    [0] Benachrichtigungen
    [one] Benachrichtigungen (1 ungelesen)
   *[other] Benachrichtigungen ({ $count } ungelesen)
}
notifications-title = Benachrichtigungen
notifications-mark-read = Alle als gelesen markieren
notifications-new = Neu:
notifications-empty = Noch keine Benachrichtigungen.
notifications-how = Folgen Sie einem Verfahren oder einer Person, um zu erfahren, was dort geschieht. Sie können diese Benachrichtigungen in Ihrem Profil einstellen.
follow = Folgen
unfollow = Nicht mehr folgen
follow-login = Melden Sie sich an, um zu folgen
followers-count = { $count ->
    [0] Noch folgt niemand
    [one] 1 Person folgt
   *[other] { $count } Personen folgen
}
profile-since = Mitglied seit dem { $date }
profile-activity = Aktivität
profile-no-activity = Noch keine öffentliche Aktivität.
profile-edit-mine = Mein Profil bearbeiten
process-activity = Neues aus diesem Verfahren
home-activity-heading = Letzte Aktivitäten
home-activity-empty = Noch nichts Neues.
admin-block-activity = Block „Letzte Aktivitäten“
activity-phase-opened = Phase eröffnet:
activity-vote-opened = Die Abstimmung ist eröffnet:
activity-phase-added = Neue Phase angekündigt:
activity-process-published = Neues Verfahren:
activity-news-published = Neuigkeit:
search-title = Suche
search-label = Verfahren, Neuigkeiten und Seiten durchsuchen
search-placeholder = Suchen…
search-submit = Suchen
search-count = { $count ->
    [0] Keine Ergebnisse für „{ $q }“.
    [one] 1 Ergebnis für „{ $q }“.
   *[other] { $count } Ergebnisse für „{ $q }“.
}
search-capped = Von den Vorschlägen werden die { $count } neuesten Treffer sortiert: Fügen Sie ein Wort hinzu, um die Suche einzugrenzen.
search-shortened = Ihre Suche wurde gekürzt: Nur die ersten { $words } Wörter (und höchstens { $chars } Zeichen) werden gesucht.
search-kind-process = Beteiligungsverfahren
search-kind-news = Neuigkeit
search-kind-page = Seite
translation-missing = Dieser Inhalt ist noch nicht in Ihre Sprache übersetzt: Er wird auf { $language } angezeigt.
language-name-fr = Französisch
language-name-en = Englisch
language-name-de = Deutsch
admin-translations = Übersetzungen
admin-translation-title = Übersetzung auf { $language }: „{ $item }“
admin-translation-intro = Lassen Sie ein Feld leer, um den Text in der Standardsprache der Website anzuzeigen.
ranking-title = Wie die Sortierung „die besten“ berechnet wird
ranking-intro = Wenn Sie Beiträge nach „die besten“ sortieren, erhält jeder Punkte für das, was er ausgelöst hat, und diese Punkte nehmen mit der Zeit ab, damit neue Beiträge eine Chance haben. Die Formel ist öffentlich und für alle gleich.
ranking-points-heading = Die Punkte
ranking-up = jede Reaktion „dafür“: + { $points } Punkt
ranking-down = jede Reaktion „dagegen“: − { $points } Punkt
ranking-reply = jede Antwort: + { $points } Punkt, für höchstens { $cap } Antworten
ranking-impact = das Abzeichen „Wirkung“ der Gemeinde (der Beitrag hat das Projekt verändert): + { $points } Punkte
ranking-age = die Punkte werden nach { $days } Tagen halbiert, nach der doppelten Zeit gedrittelt und so weiter
ranking-example-heading = Ein Beispiel
ranking-example = Ein eine Woche alter Beitrag mit 12 „dafür“, 2 „dagegen“ und 4 Antworten hat { $points } Punkte; mit seinem Alter beträgt seine Bewertung { $score }.
ranking-never-heading = Was die Sortierung nie verwendet
ranking-never = Nichts über die Person, die schreibt: weder Name noch Rolle, Stadtteil, Dauer der Mitgliedschaft oder Zahl der Beiträge. Bei Gleichstand steht der neuere vorn.
ranking-official = Die offizielle Antwort der Gemeinde wird nicht bewertet: Sie steht immer an erster Stelle.
ranking-source = Die Formel steht im freien Quellcode von Palabre (crates/domain/src/ranking.rs): Diese Seite zeigt ihre genauen Werte.
ranking-proposal-heading = Die Reihenfolge „Die besten“ der Vorschläge
ranking-proposal-intro = Sie wägt Unterstützungen gegen Aktualität ab, damit neue Vorschläge eine Chance haben, ohne dass die meistunterstützten verschwinden. Sie hängt nur von der Zahl der Unterstützungen und vom Veröffentlichungsdatum ab: niemand kann sie von Hand einstellen.
ranking-proposal-supports = Unterstützungen: der dekadische Logarithmus der Zahl der Unterstützungen plus eins (geradlinig zwischen 1, 10, 100 …); zehnmal mehr Unterstützungen ergeben einen Punkt.
ranking-proposal-age = Aktualität: je { $days } Tage spätere Veröffentlichung ergeben ebenfalls einen Punkt.
ranking-proposal-example = Beispiel: ein Vorschlag mit 9 Unterstützungen liegt gleichauf mit einem ohne Unterstützung, der { $days } Tage später veröffentlicht wurde; mit 99 Unterstützungen gleichauf mit einem, der { $twice } Tage später veröffentlicht wurde. Bei Gleichstand steht der neuere vorn.
footer-transparency = Transparenz
footer-open-data = Offene Daten
nav-discussions = Diskussionen
discussions-title = Diskussionen
discussions-intro = Die Fragen, die die Gemeinde Ihnen stellt: Sagen Sie Ihre Meinung, antworten Sie anderen, unterstützen Sie die besten Beiträge.
discussions-empty = Noch ist keine Diskussion veröffentlicht.
discussion-comments = { $count ->
    [0] Keine Beiträge
    [one] 1 Beitrag
   *[other] { $count } Beiträge
}
discussion-closed = Diese Diskussion ist nicht geöffnet: Beiträge sind derzeit nicht möglich.
comments-title = Beiträge
comments-pagination = Seiten der Beiträge
comments-empty = Noch keine Beiträge: Antworten Sie als Erste oder Erster.
comment-add = Meine Meinung sagen
comment-field-stance = Meine Position
comment-field-body = Meine Meinung
comment-field-body-hint = Höchstens 5.000 Zeichen. Markdown-Formatierung ist möglich.
comment-send = Veröffentlichen
comment-login = Melden Sie sich an, um mitzumachen
comment-withdrawn = Beitrag von der Person zurückgezogen, die ihn geschrieben hat.
comment-edited = bearbeitet
comment-hidden = Ausgeblendet (wartet auf Moderation)
comment-reactions = { $up } Zustimmung · { $down } Ablehnung
react-up = Zustimmen
react-down = Nicht zustimmen
comment-edit = Bearbeiten
comment-edit-title = Meinen Beitrag bearbeiten
comment-edit-hint = Sie können einen Beitrag 15 Minuten lang nach der Veröffentlichung bearbeiten.
comment-save = Speichern
comment-withdraw-confirm = Diesen Kommentar zurückziehen? Sein Text verschwindet für alle; die Antworten bleiben.
comment-withdraw-yes = Ja, zurückziehen
comment-withdraw = Zurückziehen
comment-report = Melden
comment-report-reason = Warum melden Sie diesen Beitrag?
comment-report-send = Meldung senden
comment-reported = Danke: Das Moderationsteam wird diese Meldung prüfen.
comment-held = Danke! Ihr Beitrag enthält ein Wort, das die Gemeinde prüfen lässt: er erscheint, sobald eine Moderatorin ihn gelesen hat.
comment-reply = Antworten
comment-reply-label = Meine Antwort
comment-reply-send = Antwort veröffentlichen
comment-badge = Abzeichen
comment-badge-set = Anwenden
comment-hide = Ausblenden
comment-show = Wieder anzeigen
comment-too-deep = Tiefer geht es in diesem Gesprächsfaden nicht: Antworten Sie auf die vorherige Nachricht.
comment-own-reaction = Sie können nicht auf Ihren eigenen Beitrag reagieren.
comment-edit-too-late = Die 15 Minuten zum Bearbeiten dieses Beitrags sind vorbei.
stance-for = Dafür
stance-against = Dagegen
stance-neutral = Neutral
stance-none = Keine Angabe
stance-all = Alle
stance-filter = Nach Position filtern
stance-count-for = { $count } dafür
stance-count-against = { $count } dagegen
stance-count-neutral = { $count } neutral
sort-label = Sortieren
sort-best = Die besten
sort-newest = Die neuesten
sort-oldest = Die ältesten
sort-how = Wie diese Sortierung berechnet wird
badge-none = Keins
badge-official = Offizielle Antwort
badge-impact = Wirkung
activity-comment = Beitrag:
activity-reply = Antwort:
search-kind-discussion = Diskussion
tool-discussion-heading = Diskussionen
tool-questionnaire-heading = Fragebögen
tool-proposal-heading = Vorschläge
admin-discussions-title = Diskussionen
admin-discussions-intro = Den Einwohnerinnen und Einwohnern eine Frage stellen, in einem Verfahren oder eigenständig.
admin-discussions-new = Neue Diskussion
admin-discussions-edit = Diskussion bearbeiten
admin-col-question = Frage
admin-field-question = Gestellte Frage
admin-field-context = Hintergrund
admin-field-process = Beteiligungsverfahren
admin-no-process = Keins (eigenständige Diskussion)
activity-official-answer = Offizielle Antwort der Gemeinde:

## Meinungskarte, einer Diskussion folgen, Diskussionen von Bürgern
admin-field-opinion-map = Meinungskarte
admin-field-opinion-map-hint = Teilnehmende reichen kurze Aussagen ein und stimmen zu, lehnen ab oder überspringen; die Karte zeigt Meinungsgruppen und Punkte des Konsenses.
admin-field-citizen-discussions = Einwohner können Diskussionen eröffnen
admin-field-citizen-discussions-hint = Während einer Phase mit geöffnetem Diskussionswerkzeug kann jede angemeldete Person eine Frage stellen.
field-duplicate = Dieser Text wurde bereits eingereicht.
field-invalid-location = Geben Sie einen Breitengrad zwischen -90 und 90 und einen Längengrad zwischen -180 und 180 an (zum Beispiel 47,3968 und 0,9842), oder lassen Sie beide leer.
opinion-title = Meinungskarte
opinion-title-of = Meinungskarte: { $question }
opinion-callout = Stimmen Sie über kurze Aussagen ab und entdecken Sie die Meinungsgruppen und das, was verbindet.
opinion-open = Abstimmen und Karte ansehen
opinion-how = Jede Aussage wird einzeln gezeigt: Sagen Sie, ob Sie zustimmen, ablehnen oder überspringen. Sie können auch eine eigene einreichen (höchstens 140 Zeichen); sie wird nach Prüfung durch die Moderation veröffentlicht. Die Karte gruppiert Menschen, die ähnlich abstimmen; sie zeigt keine Namen.
opinion-vote-title = Abstimmen
opinion-statement = Aussage
opinion-progress = { $voted ->
    [0] Noch keine Stimme von Ihnen
    [one] 1 Stimme von Ihnen
   *[other] { $voted } Stimmen von Ihnen
} · { $left ->
    [0] keine Aussage mehr offen
    [one] 1 Aussage offen
   *[other] { $left } Aussagen offen
}
vote-agree = Zustimmen
vote-disagree = Ablehnen
vote-pass = Überspringen
opinion-all-voted = Sie haben über alle Aussagen abgestimmt. Schauen Sie später wieder vorbei: Weitere werden eingereicht.
opinion-login = Melden Sie sich an, um abzustimmen und Aussagen einzureichen.
statement-add = Eine Aussage einreichen
statement-field = Ihre Aussage
statement-field-hint = Ein kurzer, klarer Satz mit höchstens 140 Zeichen, dem man zustimmen oder den man ablehnen kann.
statement-send = Einreichen
statement-sent-pending = Danke! Ihre Aussage wird zur Abstimmung gestellt, sobald die Moderation sie geprüft hat.
statement-sent-accepted = Die Aussage ist veröffentlicht und steht zur Abstimmung.
statement-mine-pending = Ihre Aussagen in Prüfung
statement-queue = Zu prüfende Aussagen
statement-accept = Veröffentlichen
statement-reject = Ablehnen
statement-own-vote = Sie können nicht über Ihre eigene Aussage abstimmen.
statement-vote-choice = Wählen Sie „Zustimmen“, „Ablehnen“ oder „Überspringen“.
statement-decision-choice = Wählen Sie, ob die Aussage veröffentlicht oder abgelehnt wird.
opinion-map-title = Die Karte
opinion-map-desc = Jeder Punkt ist eine Person; nahe beieinander liegende Personen stimmen ähnlich ab. Die Buchstaben bezeichnen die in der Tabelle beschriebenen Gruppen.
opinion-map-caption = Jeder Punkt ist eine Person, platziert nach ihren Stimmen; der umrandete Punkt sind Sie.
opinion-updated = Karte berechnet am { $date } um { $time }, nach neuen Stimmen höchstens einmal pro Minute neu berechnet.
opinion-summary = { $placed ->
    [one] 1 Person
   *[other] { $placed } Personen
} auf der Karte, in { $groups } Meinungsgruppen.
opinion-you-are-in = Sie gehören zu Gruppe { $letter }.
opinion-group = Gruppe { $letter }
opinion-group-size = { $count ->
    [one] 1 Person
   *[other] { $count } Personen
}
opinion-groups-title = Was jede Gruppe auszeichnet
opinion-col-group = Gruppe
opinion-col-people = Personen
opinion-col-distinctive = Aussagen, die sie von den anderen unterscheiden
opinion-none = Nichts Auffälliges
opinion-share-agree = { $percent } % Zustimmung
opinion-share-disagree = { $percent } % Ablehnung
opinion-consensus-title = Punkte des Konsenses
opinion-no-consensus = Noch keine Aussage vereint alle Gruppen.
opinion-not-enough = Die Karte erscheint, sobald mindestens { $people } Personen über je { $votes } Aussagen abgestimmt haben.
opinion-no-votes = Noch keine Stimmen: Die Karte erscheint mit den ersten Stimmen.
opinion-statements-title = Alle Aussagen und ihre Stimmen
activity-discussion-opened = Neue Diskussion:
discussion-new-title = Eine Diskussion eröffnen
discussion-new-intro = Stellen Sie den anderen Einwohnern eine Frage. Sie wird sofort veröffentlicht und bleibt bis zum Ende der laufenden Phase offen; die Moderation kann sie zurückziehen, wenn sie gegen die Nutzungsbedingungen verstößt.
discussion-new-question = Ihre Frage
discussion-new-question-hint = Höchstens 300 Zeichen.
discussion-new-context = Kontext
discussion-new-context-hint = Optional. Was andere wissen müssen, um zu antworten; Markdown-Formatierung möglich.
discussion-new-submit = Diskussion veröffentlichen
discussion-new-link = Eine Diskussion in diesem Beteiligungsverfahren eröffnen
discussion-badges = { $official ->
    [0] keine offizielle Antwort
    [one] 1 offizielle Antwort
   *[other] { $official } offizielle Antworten
}, { $impact ->
    [0] kein Beitrag, der das Projekt verändert hat
    [one] 1 Beitrag, der das Projekt verändert hat
   *[other] { $impact } Beiträge, die das Projekt verändert haben
}

## Fragebögen
nav-proposals = Vorschläge
nav-questionnaires = Fragebögen
search-kind-questionnaire = Fragebogen
activity-questionnaire-answered = Fragebogen beantwortet:
activity-questionnaire-published = Neuer Fragebogen:
percent = { $value } %
questionnaires-title = Fragebögen
questionnaires-empty = Noch kein Fragebogen.
questionnaire-responses = { $count ->
    [0] Keine Antworten
    [one] 1 Antwort
   *[other] { $count } Antworten
}
questionnaire-size = { $sections ->
    [one] 1 Teil
   *[other] { $sections } Teile
}, { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
}.
questionnaire-anonymous = Ihre Antworten sind anonym: Sie sind mit keinem Konto verknüpft. Ein in Ihrem Browser gespeichertes Token erlaubt nur, Ihre Antworten fortzusetzen und nicht zweimal zu antworten.
questionnaire-anonymous-short = Anonym
questionnaire-signed = Eine Antwort pro angemeldeter Person. Ihre Antworten werden Teil für Teil gespeichert: Sie können unterbrechen und später fortfahren.
questionnaire-start = Antworten
questionnaire-resume = Meine Antworten fortsetzen
questionnaire-already = Sie haben diesen Fragebogen bereits beantwortet. Danke!
questionnaire-not-open = Dieser Fragebogen ist derzeit nicht geöffnet.
questionnaire-login = Melden Sie sich an, um zu antworten.
questionnaire-results = Ergebnisse ansehen
questionnaire-open-data = Offene Daten (JSON)
questionnaire-export-csv = Antworten exportieren (CSV)
questionnaire-export-json = Antworten exportieren (JSON)
questionnaire-progress = Teil { $current } von { $total }
questionnaire-previous = Vorheriger Teil
questionnaire-next = Speichern und weiter
questionnaire-send = Meine Antworten senden
questionnaire-saved-as-you-go = Ihre Antworten werden bei jedem Teil gespeichert.
questionnaire-done-title = Danke für Ihre Antworten
questionnaire-done = Ihre Antworten wurden gespeichert.
receipt-ask = Mir eine Kopie meiner Antworten per E-Mail senden
receipt-subject = Ihre Antworten: { $title }
receipt-intro = Hier ist eine Kopie Ihrer Antworten auf den Fragebogen „{ $title }“.
receipt-action = Den Fragebogen erneut ansehen
answer-required = Beantworten Sie diese Frage.
answer-too-long = Dieser Text ist zu lang (höchstens { $max } Zeichen).
answer-invalid-choice = Wählen Sie eine der angebotenen Antworten.
answer-other-missing = Präzisieren Sie Ihre Antwort „Sonstiges“.
answer-too-few = Wählen Sie mindestens { $min } Antworten.
answer-too-many = Wählen Sie höchstens { $max } Antworten.
answer-not-a-number = Geben Sie eine Zahl ein, zum Beispiel 12 oder 3,5.
answer-out-of-range = Wählen Sie einen Wert von { $min } bis { $max }.
answer-below-min = Geben Sie eine Zahl größer oder gleich { $min } ein.
answer-above-max = Geben Sie eine Zahl kleiner oder gleich { $max } ein.
answer-ranking-incomplete = Ordnen Sie alle Antworten oder keine.
answer-ranking-repeated = Jeder Rang darf nur einmal vergeben werden.
answer-row-missing = Antworten Sie für jede Zeile.
answer-bounds-both = Wählen Sie { $min } bis { $max } Antworten.
answer-bounds-min = Wählen Sie mindestens { $min } Antworten.
answer-bounds-max = Wählen Sie höchstens { $max } Antworten.
answer-number-between = Eine Zahl von { $min } bis { $max }.
answer-ranking-hint = Geben Sie Ihrer ersten Wahl den Rang 1, der nächsten 2 und so weiter.
answer-yes = Ja
answer-no = Nein
answer-other = Sonstiges
answer-other-specify = Bitte angeben
results-title = Ergebnisse: { $title }
results-private = Diese Ergebnisse sind vorerst nur für die Mitarbeitenden der Gemeinde sichtbar.
results-anonymous-note = Dieser Fragebogen ist anonym: Alle konnten ohne Konto antworten. Diese Ergebnisse zeigen die eingegangenen Antworten, nicht eine Zahl von Personen: Eine Person kann von anderen Browsern aus mehrmals geantwortet haben. Sie helfen bei einer Entscheidung; sie sind keine Abstimmung.
results-answered = { $count ->
    [0] Niemand hat diese Frage beantwortet
    [one] 1 Person hat geantwortet
   *[other] { $count } Personen haben geantwortet
}
results-multiple-note = mehrere Antworten möglich: Jede Antwort wird gezählt, die Prozentwerte ergeben zusammen mehr als 100 %
results-col-answer = Antwort
results-col-count = Anzahl
results-table-show = Die Zahlen als Tabelle anzeigen
results-col-share = Anteil der Antwortenden
results-col-value = Wert
results-col-measure = Kennzahl
results-col-month = Monat
results-col-borda = Borda-Punktzahl
results-col-first = Auf Platz 1
results-mean-median = Mittelwert { $mean }, Median { $median }.
results-mean = Mittelwert
results-median = Median
results-min = Minimum
results-max = Maximum
results-borda = Borda-Punktzahl: { $points } Punkte für Platz 1, einer weniger für jeden weiteren Platz, 0 für den letzten.
results-texts-link = Die Freitextantworten lesen
results-texts-search = In den Antworten suchen
results-texts-count = { $count ->
    [0] Keine Antworten
    [one] 1 Antwort
   *[other] { $count } Antworten
}
open-data-licence = Licence Ouverte / Open Licence 2.0 (Etalab)
questionnaire-new-title = Neuer Fragebogen
questionnaire-settings-title = Einstellungen des Fragebogens
questionnaire-builder-title = Fragebogen erstellen
questionnaire-builder-of = Erstellen: { $title }
questionnaire-preview = Vorschau
questionnaire-preview-of = Vorschau: { $title }
questionnaire-preview-note = Vorschau aller Teile und Fragen, ohne Speichern. Bedingungen stehen unter den betreffenden Fragen.
questionnaire-version = Version { $version }
questionnaire-locked-title = Fragen festgelegt
questionnaire-locked = Es wurde bereits geantwortet: Teile und Fragen können nicht mehr geändert werden. Veröffentlichen Sie eine neue Version, um sie zu ändern.
questionnaire-anonymous-locked = Es gibt Antworten: Der anonyme Modus kann nicht mehr geändert werden.
questionnaire-new-version = Eine neue Version erstellen
questionnaire-section-title = Teil des Fragebogens
questionnaire-question-new = Eine Frage hinzufügen
questionnaire-question-edit = Die Frage bearbeiten
questionnaire-field-title = Titel
questionnaire-field-intro = Einleitung
questionnaire-field-anonymous = Anonyme Antworten
questionnaire-field-anonymous-hint = Alle können ohne Konto antworten; keine Antwort ist mit einer Person verknüpft. Was das nicht garantiert: eine Antwort pro Person. Ein Token pro Browser verhindert versehentliche Doppelungen, und höchstens 60 Antworten pro Minute kommen von einer Adresse, aber wer es darauf anlegt, kann mehrmals antworten (ein anderer Browser, eine andere Adresse). Für eine Frage, die die Gemeinde bindet, deaktivieren Sie dies: Dann antworten nur angemeldete Einwohnerinnen und Einwohner, jeweils einmal. Kann nach Eingang von Antworten nicht mehr geändert werden.
questionnaire-field-results-public = Öffentliche Ergebnisse
questionnaire-field-results-from = Ergebnisse öffentlich ab
questionnaire-field-results-from-hint = Optional. Leer: sofort, wenn die Ergebnisse öffentlich sind.
questionnaire-field-open-data-text = Freitextantworten in die offenen Daten aufnehmen
questionnaire-field-open-data-text-hint = Nur ankreuzen, wenn die Freitextantworten keine personenbezogenen Daten enthalten.
questionnaire-field-section = Teil
questionnaire-field-section-title = Titel des Teils
questionnaire-field-section-description = Einleitung des Teils
questionnaire-field-kind = Fragetyp
questionnaire-field-label = Frage
questionnaire-field-help = Hilfe
questionnaire-field-required = Antwort erforderlich
questionnaire-field-options = Angebotene Auswahl
questionnaire-field-options-hint = Eine pro Zeile, mindestens zwei.
questionnaire-field-rows = Zeilen des Rasters
questionnaire-field-rows-hint = Eine pro Zeile: die Punkte, die in jeder Spalte bewertet werden.
questionnaire-field-columns = Spalten des Rasters
questionnaire-field-columns-hint = Eine pro Zeile, mindestens zwei: die Antwort, die für jede Zeile gewählt wird (zum Beispiel „Oft“, „Manchmal“, „Nie“).
questionnaire-field-kind-hint = Das Formular zeigt die Einstellungen dieses Typs. Um den Typ zu ändern, wählen Sie ihn und speichern: Fehlende Einstellungen des neuen Typs erscheinen dann.
questionnaire-field-min-hint-multiple = Wie viele Antworten mindestens angekreuzt werden müssen (leer: kein Minimum).
questionnaire-field-max-hint-multiple = Wie viele Antworten höchstens angekreuzt werden dürfen (leer: alle).
questionnaire-field-min-hint-number = Der kleinste zulässige Wert (leer: keine Grenze).
questionnaire-field-max-hint-number = Der größte zulässige Wert (leer: keine Grenze).
questionnaire-field-max-hint-scale = Die höchste Stufe, 2 bis 10 (5 wenn leer).
questionnaire-field-other = „Sonstiges, bitte angeben“ anbieten
questionnaire-field-min = Minimum
questionnaire-field-max = Maximum
questionnaire-field-min-label = Beschriftung des unteren Skalenendes
questionnaire-field-max-label = Beschriftung des oberen Skalenendes
questionnaire-field-condition = Nur anzeigen, wenn
questionnaire-field-condition-hint = Die Frage erscheint nur, wenn in einem früheren Teil eine Antwort gewählt wurde.
condition-none = Immer anzeigen
condition-text = Angezeigt, wenn F{ $n } = „{ $option }“
condition-broken = Bedingung auf eine gelöschte Frage
kind-short_text = Kurzer Text
kind-long_text = Langer Text
kind-single = Einfachauswahl
kind-multiple = Mehrfachauswahl
kind-scale = Lineare Skala
kind-ranking = Rangfolge
kind-matrix = Raster (Zeilen × Antworten)
kind-number = Zahl
kind-date = Datum
kind-yes_no = Ja / Nein
builder-add-section = Einen Teil hinzufügen
builder-first-section = Teil 1
builder-question-kind = Art der neuen Frage
builder-edit-section = Den Teil bearbeiten
builder-delete-section = Den Teil löschen…
builder-delete-section-confirm = Der Teil und alle seine Fragen werden gelöscht.
builder-delete = Löschen…
builder-delete-confirm = Löschen bestätigen
builder-up = Nach oben
builder-down = Nach unten
builder-col-actions = Aktionen
builder-no-questions = Keine Frage in diesem Teil.
tool-discussion-count = { $count ->
    [0] Keine Beiträge
    [one] 1 Beitrag
   *[other] { $count } Beiträge
}
tool-questionnaire-count = { $count ->
    [0] Keine Antworten
    [one] 1 Antwort
   *[other] { $count } Antworten
}
tool-proposal-count = { $count ->
    [0] Keine Unterstützungen
    [one] 1 Unterstützung
   *[other] { $count } Unterstützungen
}
admin-questionnaires-intro = Fragebögen erstellen, Antworten verfolgen, Ergebnisse veröffentlichen und Daten exportieren.

## Vorschläge
pagination-label = Seiten
search-kind-proposal = Vorschlag
activity-proposal-published = Neuer Vorschlag:
activity-proposal-threshold = Schwelle an Unterstützungen erreicht:
activity-proposal-answered = Antwort der Gemeinde auf den Vorschlag:
proposals-all-title = Alle Vorschläge
proposals-all-intro = Die Ideen der Einwohnerinnen und Einwohner, in allen Beteiligungsverfahren. Unterstützen Sie die, die Ihnen wichtig sind.
proposal-new-in = Vorschlag einreichen: { $process }
proposal-filters-title = Sortieren und filtern
proposal-field-process = Beteiligungsverfahren
proposal-not-open-title = Die Einreichung von Vorschlägen ist nicht geöffnet
proposal-opens-on = In „{ $process }“ öffnet die Einreichung von Vorschlägen am { $date }. Kommen Sie ab diesem Tag wieder: Sie können dem Verfahren schon folgen.
proposal-submissions-closed = In „{ $process }“ ist die Einreichung von Vorschlägen geschlossen. Sie können die eingereichten Vorschläge weiterhin lesen und kommentieren.
proposals-of = Vorschläge: { $process }
proposals-empty = Kein Vorschlag entspricht der Auswahl.
proposal-new-title = Einen Vorschlag einreichen
proposal-form-intro = Ihr Vorschlag wird zuerst als Entwurf gespeichert, den nur Sie sehen: Vor dem Veröffentlichen sehen Sie ähnliche Vorschläge.
proposal-save-draft = Entwurf speichern
proposal-field-title = Titel
proposal-field-title-hint = Höchstens 150 Zeichen.
proposal-field-body = Ihr Vorschlag
proposal-field-category = Thema
proposal-field-district = Stadtteil
proposal-field-address = Adresse
proposal-field-address-hint = Optional: wo sich Ihr Vorschlag befindet.
proposal-field-latitude = Breitengrad
proposal-field-longitude = Längengrad
proposal-field-location-hint = Optional: die Koordinaten des Ortes (zum Beispiel 47.392 und 0.688).
proposal-no-category = Ohne Thema
proposal-draft = Entwurf
proposal-draft-title = Vor dem Veröffentlichen
proposal-draft-intro = Nur Sie sehen diesen Entwurf. Prüfen Sie, ob es schon einen ähnlichen Vorschlag gibt: Ihn zu unterstützen gibt ihm mehr Gewicht.
proposal-delete = Diesen Entwurf löschen
proposal-delete-confirm = Diesen Entwurf löschen? Text, Bild und Adresse werden gelöscht; veröffentlicht wurde nichts.
proposal-delete-yes = Ja, löschen
proposal-deleted = Entwurf gelöscht.
proposal-your-drafts = Ihre Entwürfe (nur Sie sehen sie)
proposal-draft-edited = bearbeitet am { $date }
proposal-similar = Ähnliche Vorschläge
proposal-no-similar = Es wurde kein ähnlicher Vorschlag gefunden.
proposal-publish = Vorschlag veröffentlichen
proposal-edit = Entwurf bearbeiten
proposal-closed = Vorschläge können derzeit nicht eingereicht werden.
proposal-location = Ort
proposal-location-osm = auf OpenStreetMap ansehen
proposal-supports-title = Unterstützungen
proposal-support = Diesen Vorschlag unterstützen
proposal-field-body-hint = Sie können Wörter **fett** oder *kursiv* setzen und eine Liste machen, indem Sie Zeilen mit „- “ beginnen.
proposal-you-support = Sie unterstützen diesen Vorschlag.
proposal-unsupport = Meine Unterstützung zurückziehen
proposal-support-login = Melden Sie sich an, um diesen Vorschlag zu unterstützen.
proposal-supports-closed = Unterstützungen sind für diesen Vorschlag derzeit nicht möglich.
proposal-support-own = Sie können Ihren eigenen Vorschlag nicht unterstützen.
proposal-support-limit = Sie haben Ihre { $count } Unterstützungen in diesem Verfahren bereits vergeben: Ziehen Sie eine zurück, um diesen Vorschlag zu unterstützen.
proposal-threshold = Schwelle: { $count } Unterstützungen
proposal-threshold-reached = Schwelle erreicht
proposal-answers-title = Antworten der Gemeinde
proposal-no-answer = Die Gemeinde hat noch nicht geantwortet.
proposal-comments-closed = Die Kommentare sind geschlossen: die Zeit für Vorschläge ist vorbei.
proposal-field-status = Status
proposal-field-answer = Öffentliche Antwort
proposal-field-answer-hint = Bei einer Ablehnung erforderlich: der Grund.
proposal-answer-send = Antwort veröffentlichen
proposal-reason-required = Geben Sie den Grund der Ablehnung an.
proposal-export-csv = Vorschläge exportieren (CSV)
proposal-export-json = Vorschläge exportieren (JSON)
proposal-sort-label = Sortieren nach
proposal-sort-newest = Neueste
proposal-sort-supported = Meistunterstützte
proposal-sort-best = Die besten
proposal-sort-random = Zufällig
proposal-map-open = Auf der Karte ansehen
proposal-map-title = Karte der Vorschläge · { $process }
proposal-map-intro = Verortete Vorschläge, die meistunterstützten zuerst. Die Liste unter der Karte enthält dieselben Vorschläge.
proposal-map-list = Verortete Vorschläge
proposal-map-empty = Noch kein Vorschlag ist verortet.
proposal-map-more = Die { $shown } meistunterstützten Vorschläge werden gezeigt; filtern Sie nach Status, Thema oder Viertel, um die anderen zu sehen.
proposal-sort-how = Wie die Reihenfolge „Die besten“ berechnet wird
proposal-filter-all = Alle
proposal-filter-mine = Meine Vorschläge
proposal-filter-supported = Von mir unterstützte
proposal-filter-apply = Anzeigen
proposal-status-open = Offen
proposal-status-review = In Prüfung
proposal-status-accepted = Angenommen
proposal-status-rejected = Abgelehnt
proposal-status-progress = In Umsetzung
proposal-status-done = Umgesetzt
proposals-see-all = Alle Vorschläge ansehen
amendments-title = Änderungsvorschläge
amendments-none = Kein Änderungsvorschlag.
amendment-add = Eine geänderte Fassung vorschlagen
amendment-field = Geänderter Text
amendment-field-hint = Ändern Sie den Text des Vorschlags; seine Urheberin oder sein Urheber nimmt Ihre Fassung an oder lehnt sie ab.
amendment-send = Diese Änderung vorschlagen
amendment-accept = Annehmen
amendment-reject = Ablehnen
amendment-pending = Wartet auf die Urheberin oder den Urheber
amendment-accepted = Angenommen
amendment-rejected = Abgelehnt
amendment-own = Bearbeiten Sie Ihren Entwurf, statt Ihren eigenen Vorschlag zu ändern.
amendment-same = Der geänderte Text ist mit dem aktuellen identisch.
activity-amendment-proposed = Änderung vorgeschlagen:
activity-amendment-accepted = Änderung angenommen:
activity-amendment-rejected = Änderung abgelehnt:
proposal-open-data = Offene Daten der Vorschläge (JSON)

# Maps (kit::map)
map-attribution = OpenStreetMap-Mitwirkende
map-label = Karte der verorteten Vorschläge
map-pick = Klicken Sie auf die Karte, um Ihren Vorschlag zu verorten, oder verschieben Sie die Karte und nutzen Sie die Schaltfläche unten.
map-here = In der Kartenmitte platzieren
map-locate = Adresse auf der Karte finden
map-found = Adresse gefunden. Prüfen Sie den Punkt auf der Karte und verschieben Sie ihn bei Bedarf.
map-not-found = Adresse nicht gefunden. Setzen Sie den Punkt auf der Karte.
map-coordinates = Koordinaten eingeben
map-place = Ort des Vorschlags

# Moderation (admin)
moderation-title = Moderation
moderation-intro = Gemeldete Beiträge mit den Gründen: ausblenden, wiederherstellen oder verwerfen.
moderation-threshold = Ein { $count ->
    [one] einmal
   *[other] { $count }-mal
} gemeldeter Beitrag wird bis zu Ihrer Entscheidung ausgeblendet.
moderation-done-hidden = { $count ->
    [one] { $count } Beitrag ausgeblendet: Die Verfasserin oder der Verfasser wird informiert, mit dem Grund, falls angegeben.
   *[other] { $count } Beiträge ausgeblendet: Die Verfasser werden informiert, mit dem Grund, falls angegeben.
}
moderation-done-restored = { $count ->
    [one] { $count } Beitrag wiederhergestellt: Er ist wieder sichtbar.
   *[other] { $count } Beiträge wiederhergestellt: Sie sind wieder sichtbar.
}
moderation-done-dismissed = { $count ->
    [one] Meldungen für { $count } Beitrag verworfen: Er bleibt sichtbar.
   *[other] Meldungen für { $count } Beiträge verworfen: Sie bleiben sichtbar.
}
moderation-done = { $count ->
    [0] Nichts zu erledigen: vielleicht war eine andere Moderatorin schneller.
    [one] 1 Beitrag erledigt.
   *[other] { $count } Beiträge erledigt.
}
moderation-reports = { $count ->
    [one] 1 Meldung
   *[other] { $count } Meldungen
}
moderation-reasons = Gründe der Meldungen
moderation-hide = Ausblenden
moderation-restore = Wiederherstellen
moderation-dismiss = Meldungen verwerfen
moderation-reason = Grund, der beim Ausblenden an die Person geht
moderation-reason-hint = Freiwillig, höchstens 500 Zeichen. Ohne Grund erfährt die Person, dass ihr Beitrag ausgeblendet wurde.
moderation-bulk = Mehrere auf einmal
moderation-bulk-label = Für die angekreuzten Beiträge
moderation-bulk-apply = Anwenden
moderation-none-ticked = Kreuzen Sie mindestens einen Beitrag an.
moderation-empty = Kein Beitrag wartet auf Moderation.
moderation-kind-discussion = Debatte
moderation-kind-proposal = Vorschlag
moderation-kind-news = Neuigkeit
moderation-hidden-no-reason = Ihr Beitrag wurde von der Moderation ausgeblendet.
activity-comment-hidden = Von der Moderation ausgeblendeter Beitrag:
nav-moderation = Moderation
moderation-select = Für eine Sammelaktion ankreuzen

# People (admin)
people-title = Personen
people-intro = Ein Konto finden, seine Rolle ändern, es sperren oder entsperren.
people-search = Name oder E-Mail-Adresse
people-search-button = Suchen
people-col-name = Name
people-col-email = E-Mail-Adresse
people-col-role = Rolle
people-col-since = Registriert am
people-none = Kein Konto passt.
people-blocked = Gesperrt
people-profile = Öffentliches Profil ansehen
people-role-citizen = Einwohner
people-role-moderator = Moderation
people-role-admin = Verwaltung
people-role-visitor = Besuch
people-role-title = Rolle
people-role-hint = Die Änderung beendet alle Sitzungen der Person: sie meldet sich mit der neuen Rolle wieder an.
people-role-save = Rolle ändern
people-block-title = Sperre
people-block-intro = Ein gesperrtes Konto kann die Seite lesen und seine Daten verwalten, aber nicht mehr beitragen; seine Beiträge werden ausgeblendet und gehen in die Moderation.
people-block-reason = Grund der Sperre
people-block-confirm = Ich bestätige die Sperre dieses Kontos
people-block-confirm-missing = Kreuzen Sie die Bestätigung an, um dieses Konto zu sperren.
people-block = Konto sperren
people-blocked-because = Konto gesperrt. Grund:
people-unblock = Konto entsperren
people-not-yourself = Sie können weder Ihre eigene Rolle ändern noch Ihr eigenes Konto sperren.

# Dashboard (admin)
dashboard-title = Übersicht
dashboard-participants = { $count ->
    [one] registrierter Einwohner
   *[other] registrierte Einwohner
}
dashboard-comments = schriftliche Beiträge
dashboard-proposals = veröffentlichte Vorschläge
dashboard-supports = Unterstützungen
dashboard-responses = Antworten auf Fragebögen
dashboard-votes = Stimmen auf Meinungskarten
dashboard-new-accounts = { $count ->
    [0] Kein neues Konto
    [one] 1 neues Konto
   *[other] { $count } neue Konten
} in den letzten { $days } Tagen.
dashboard-reports = { $count ->
    [one] 1 gemeldeter Beitrag wartet auf Moderation
   *[other] { $count } gemeldete Beiträge warten auf Moderation
}
dashboard-chart-title = Beiträge pro Tag (Texte, Vorschläge, Antworten), letzte { $days } Tage
dashboard-chart-max = aktivster Tag:
dashboard-chart-table = Dieselben Zahlen als Tabelle
dashboard-col-day = Tag
dashboard-col-contributions = Beiträge
dashboard-processes = Je Beteiligungsverfahren
dashboard-attention = Zu erledigen
dashboard-calm = Im Moment wartet nichts.
dashboard-unanswered = Schwelle erreicht, noch keine Antwort der Gemeinde:
dashboard-unanswered-all = { $count ->
    [one] 1 Vorschlag wartet auf die Antwort der Gemeinde
   *[other] { $count } Vorschläge warten auf die Antwort der Gemeinde
}
dashboard-totals-note = Seit Eröffnung der Website. Jedes Verfahren, weiter unten, zählt die Menschen, die dazu beigetragen haben, und ihre Beiträge.
dashboard-phase-soon = Bald beginnende Phase:

# Audit log and mail outbox (admin)
audit-title = Prüfprotokoll
audit-intro = Wer hat was wann und von wo getan: Anmeldungen, Rollenänderungen, Aktionen des Teams.
audit-who = Person (Name oder E-Mail)
audit-action = Aktion
audit-from = Vom
audit-to = Bis
audit-col-when = Wann
audit-col-subject = Worauf
audit-col-ip = IP-Adresse
audit-kept = Jeder Eintrag wird { $days } Tage aufbewahrt und dann automatisch gelöscht.
audit-retention-change = Aufbewahrungsdauer ändern
audit-retention-title = Aufbewahrung des Prüfprotokolls
audit-retention-intro = Das Prüfprotokoll hält Anmeldungen und Handlungen des Teams fest. Es enthält personenbezogene Daten (Namen, IP-Adressen): Bewahren Sie es so lange wie nötig auf, nicht länger.
audit-field-days = Aufbewahrungsdauer (in Tagen)
audit-field-days-hint = Zwischen 30 und 3.650 Tagen; standardmäßig 365. Die französische CNIL empfiehlt für Sicherheitsprotokolle sechs Monate bis ein Jahr: Eine längere Dauer ist im Verzeichnis der Verarbeitungstätigkeiten zu begründen. Ältere Einträge werden innerhalb einer Stunde gelöscht.
mail-title = Versandte E-Mails
mail-intro = Was verschickt wurde oder noch wartet, und wie die Zustellung verlief.
mail-col-to = Empfänger
mail-col-kind = Art
mail-col-subject = Betreff
mail-col-status = Stand
mail-col-attempts = Versuche
mail-col-outcome = Versandt am, oder Fehler
mail-status-queued = Wartend
mail-status-sent = Versandt
mail-status-failed = Fehlgeschlagen
log-older = Ältere

# Exports (admin)
exports-title = Exporte
exports-intro = Die Daten jedes Verfahrens: Tabellen (CSV) und JSON für das Team, offene Daten ohne personenbezogene Daten für alle.
exports-bundle = Alle offenen Daten der Gemeinde (JSON)
exports-proposals = Vorschläge
exports-questionnaire = Fragebogen „{ $title }“
exports-discussion = Kommentare der Debatte „{ $title }“
comments-export = Diese Kommentare exportieren (Team)
csv-col-id = Nummer
csv-col-title = Titel
csv-col-author = Verfasser
csv-col-category = Thema
csv-col-district = Stadtteil
csv-col-address = Adresse
csv-col-latitude = Breitengrad
csv-col-longitude = Längengrad
csv-col-status = Status
csv-col-supports = Unterstützungen
csv-col-threshold_reached = Schwelle erreicht
csv-col-published = Veröffentlicht am
csv-col-response = Antwort
csv-col-submitted = Gesendet am
csv-col-parent = Antwort auf Nummer
csv-col-written = Geschrieben am
csv-col-stance = Position
csv-col-agree = Einverstanden
csv-col-disagree = Nicht einverstanden
csv-col-badge = Auszeichnung
csv-col-hidden = Ausgeblendet
csv-col-withdrawn = Vom Verfasser zurückgezogen
csv-col-body = Text
csv-yes = ja
csv-no = nein
exports-excel = Tabellenkalkulation (Excel, LibreOffice)
exports-csv = CSV
exports-json = JSON
exports-open-data = offene Daten
moderation-settings-title = Einstellungen der Moderation
moderation-field-threshold = Meldungen, die einen Beitrag ausblenden
moderation-field-threshold-hint = Zwischen 1 und 100; standardmäßig 3. Der Beitrag bleibt ausgeblendet, bis die Moderation entscheidet.
moderation-field-keywords = Beobachtete Wörter
moderation-field-keywords-hint = Ein Wort oder Ausdruck pro Zeile. Ein Beitrag, der eines enthält, wartet auf die Moderation (außer bei vertrauenswürdigen Personen).
people-trust-title = Vertrauen
people-trusted = Vertrauenswürdig: ihre Beiträge umgehen die beobachteten Wörter.
people-not-trusted = Ihre Beiträge laufen über die beobachteten Wörter.
people-trust = Als vertrauenswürdig markieren
people-untrust = Vertrauen entziehen
people-invite-title = Ein Teammitglied einladen
people-invite-intro = Die Person erhält eine E-Mail mit einem eine Woche gültigen Link, um ihr Passwort zu wählen.
people-invite-hint = Die Moderation bearbeitet Meldungen; die Verwaltung betreut die ganze Seite.
people-invite-send = Einladung senden
mail-invite-subject = Einladung in das Team von { $site }
mail-invite-body = Guten Tag, Sie sind eingeladen, dem Team der Beteiligungsplattform beizutreten, mit der Rolle: { $role }. Öffnen Sie den Link unten innerhalb einer Woche, um Ihr Passwort zu wählen.
mail-invite-action = Mein Passwort wählen
dashboard-col-participants = Teilnehmende

## Accessibility statement: what Palabre checks on every change (pages::show, slug "accessibility")
a11y-checks-title = Was Palabre bei jeder Änderung prüft
a11y-checks-intro = Die Software Palabre wird automatisch in einem echten Browser (Chromium) getestet, auf Französisch, Englisch und Deutsch, mit und ohne JavaScript: Eine Einwohnerin, ein Mitarbeiter der Verwaltung und ein Besucher gehen durch die Website, und jede besuchte Seite besteht die Regeln WCAG 2.1 A und AA von axe-core. Diese Tests decken nur einen Teil des RGAA 4.1 ab; der Rest erfordert eine Prüfung durch Menschen.
a11y-auto-title = Automatisch geprüfte RGAA-Kriterien
a11y-auto-1 = 1.1: Jedes informative Bild hat eine Textalternative.
a11y-auto-2 = 3.2: Der Kontrast zwischen Text und Hintergrund ist ausreichend.
a11y-auto-3 = 5.6 und 5.7: Datentabellen deklarieren ihre Überschriften und verbinden sie mit ihren Zellen.
a11y-auto-4 = 6.2: Jeder Link hat eine Bezeichnung.
a11y-auto-5 = 8.2, 8.3, 8.5 und 8.7: Code ohne doppelte IDs, eine Standardsprache, ein Seitentitel und Sprachwechsel, vorhanden und gültig.
a11y-auto-6 = 9.3: Listen sind korrekt strukturiert.
a11y-auto-7 = 10.7: Der Fokus ist auf jedem per Tastatur erreichten Element sichtbar.
a11y-auto-8 = 11.1, 11.2 (Vorhandensein) und 11.13 (Gültigkeit): Jedes Feld hat eine Beschriftung, und der angegebene Zweck von Feldern zur Person ist gültig.
a11y-auto-9 = 12.7 und 12.8: Der Sprunglink führt zum Inhalt, und die Tabulatortaste erreicht jedes interaktive Element einmal, in der Reihenfolge des Dokuments (Registrierung, Anmeldung, Debatte, Vorschlag, Fragebogen und Verwaltung).
a11y-manual-title = Was noch eine manuelle Prüfung braucht
a11y-manual-1 = 1.2 bis 1.9: ob Textalternativen und dekorative Bilder stimmen (auch in den Inhalten, die die Gemeinde veröffentlicht).
a11y-manual-2 = 3.1 und 3.3: Informationen allein durch Farbe sowie der Kontrast von Bedienelementen und Diagrammen.
a11y-manual-3 = 6.1 und 9.1: ob Linktexte und die Gliederung der Überschriften verständlich sind.
a11y-manual-4 = 7.1 bis 7.5: die interaktive Karte mit assistiven Technologien sowie Statusmeldungen.
a11y-manual-5 = 10.4, 10.11 und 10.12: Text auf 200 % vergrößert, Anzeige ohne horizontales Scrollen bei 320 Pixeln Breite und Textabstände.
a11y-manual-6 = 11.10 und 11.11: ob Fehlermeldungen und Korrekturhinweise klar sind.
a11y-manual-7 = 12.1 bis 12.6 und Thema 13: einheitliche Navigation, herunterladbare Dokumente und Tests mit Screenreadern (NVDA, VoiceOver).

## Process report (bilan), follow-up, transparency
report-title = Bilanz: { $process }
report-read = Bilanz lesen
report-draft = Entwurf
report-published-on = veröffentlicht am { $date }
report-draft-note = Diese Bilanz ist noch nicht veröffentlicht: Nur das Team der Gemeinde sieht sie.
report-edit = Bilanz verfassen
report-view = Bilanz ansehen
report-intro = Was die Beteiligung zusammengetragen hat, gezählt aus den veröffentlichten Beiträgen. Jedes Element verweist auf seine Quelle: Sie können alles nachprüfen.
report-figures-heading = Die Beteiligung in Zahlen
report-people = { $count ->
    [one] Person hat teilgenommen
   *[other] Personen haben teilgenommen
}
report-contributions = { $count ->
    [one] Beitrag
   *[other] Beiträge
}
report-votes = { $count ->
    [one] Stimme oder Unterstützung
   *[other] Stimmen und Unterstützungen
}
report-by-feature = Beiträge nach Werkzeug
report-col-what = Was
report-col-count = Anzahl
report-row-discussion-comments = Kommentare in den Diskussionen
report-row-statements = Angenommene Aussagen (Meinungskarte)
report-row-votes = Stimmen zu diesen Aussagen
report-row-responses = Antworten auf Fragebögen
report-row-proposals = Veröffentlichte Vorschläge
report-row-proposal-comments = Kommentare zu Vorschlägen
report-row-supports = Unterstützungen für Vorschläge
report-how-counted = Von der Moderation ausgeblendete und gelöschte Beiträge werden nicht gezählt.
report-how-counted-link = Wie diese Zahlen berechnet werden
report-time-heading = Die Beiträge Woche für Woche
report-time-caption = Beiträge pro Woche vom { $first } bis zum { $last }: insgesamt { $total }, höchstens { $top } in einer Woche.
report-time-table = Die Zahlen Woche für Woche ansehen
report-col-week = Woche ab
report-districts-heading = Vorschläge nach Stadtteil
report-col-district = Stadtteil
report-col-proposals = Vorschläge
report-col-supports = Unterstützungen
report-no-district = Ohne Stadtteil
report-proposals-heading = Die am meisten unterstützten Vorschläge und die Antwort der Gemeinde
report-supports = { $count ->
    [0] Keine Unterstützung
    [one] 1 Unterstützung
   *[other] { $count } Unterstützungen
}
report-progress = Fortschritt: { $percent } %
report-answer-of = Antwort der Gemeinde vom { $date }
report-no-answer = Die Gemeinde hat noch nicht geantwortet.
report-follow-up-heading = Die Umsetzung der angenommenen Vorschläge
report-opinion-heading = Was die Diskussionen sagen
report-map-voters = { $count ->
    [one] 1 Person hat auf der Meinungskarte abgestimmt
   *[other] { $count } Personen haben auf der Meinungskarte abgestimmt
}
report-consensus = Worin sich alle Gruppen einig sind
report-group = Gruppe { $letter } ({ $count } Personen) unterscheidet sich bei
report-share-agree = { $percent } % stimmen zu
report-share-disagree = { $percent } % stimmen nicht zu
report-questionnaires-heading = Die Ergebnisse der Fragebögen
report-responses = { $count ->
    [one] 1 Antwort
   *[other] { $count } Antworten
}
report-tied = gleichauf:
report-answer-share = { $count } von { $answered }, { $percent } %
report-mean = Mittelwert { $mean }
report-impact-heading = Beiträge, die etwas bewirkt haben
report-commune-heading = Was die Gemeinde daraus mitnimmt
report-commitments = Die Zusagen der Gemeinde
report-commentary = Der Kommentar der Gemeinde
report-no-commentary = Die Gemeinde hat ihren Kommentar noch nicht verfasst.
report-sources-heading = Quellen und Methode
report-sources = Die Zahlen dieser Bilanz werden aus den Beiträgen berechnet, ohne künstliche Intelligenz und ohne manuelles Sortieren: Dieselben Daten ergeben immer dieselbe Bilanz. Sie werden auch als offene Daten veröffentlicht.
report-source-api = Die Zahlen dieser Bilanz als offene Daten (JSON)
report-admin-intro = Zahlen, Vorschläge, Diskussionen und Ergebnisse der Bilanz werden aus den Beiträgen berechnet. Schreiben Sie hier, was die Gemeinde daraus mitnimmt und wozu sie sich verpflichtet, und veröffentlichen Sie: Wer der Beteiligung folgt, wird benachrichtigt.
report-field-commitments = Die Zusagen der Gemeinde
report-field-commitments-hint = Eine Markdown-Liste: was die Gemeinde tun wird, und wann.
report-field-commentary = Der Kommentar der Gemeinde
report-field-commentary-hint = Markdown. Er steht neben den Zahlen, nie an ihrer Stelle.
report-field-status-hint = Veröffentlicht: Alle können die Bilanz lesen, ohne Konto.
field-process-draft = Veröffentlichen Sie zuerst die Beteiligung.
activity-report-published = Bilanz veröffentlicht:
activity-proposal-milestone = Fortschritt beim Vorschlag:
milestones-title = Umsetzung
milestone-add = Einen Schritt zur Umsetzung hinzufügen
milestone-send = Schritt veröffentlichen
milestone-field-date = Datum
milestone-field-percent = Fortschritt (in %)
milestone-field-percent-hint = Eine ganze Zahl von 0 bis 100.
milestone-field-body = Was getan wurde
milestone-not-accepted = Nur angenommene Vorschläge werden verfolgt: Geben Sie zuerst die Antwort der Gemeinde.
field-invalid-percent = Geben Sie eine ganze Zahl von 0 bis 100 ein.
transparency-title = Transparenz
transparency-intro = Wie die Plattform entscheidet, was Sie sehen: die Reihenfolge der Beiträge, die Moderationsregeln und was sie ausgeblendet haben, wie Bilanzen berechnet werden, und die offenen Daten.
transparency-toc = Inhalt
transparency-ranking-heading = Die Reihenfolge der Beiträge
transparency-ranking = Die Reihenfolge „am relevantesten“ folgt einer öffentlichen Formel: Stimmen, Antworten und Alter, mit Gewichten, die alle kennen. Niemand kann einen Platz kaufen oder erzwingen.
transparency-ranking-link = Die Sortierformel im Detail
transparency-moderation-heading = Moderation
transparency-rule-report = Alle Angemeldeten können einen Beitrag melden und sagen, warum.
transparency-rule-reports = { $count ->
    [one] Ein Kommentar wird nach 1 Meldung ausgeblendet, bis die Moderation ihn prüft.
   *[other] Ein Kommentar wird nach { $count } Meldungen ausgeblendet, bis die Moderation ihn prüft.
}
transparency-rule-keywords = Ein Kommentar mit einem Wort, das die Gemeinde beobachtet, wird vor der Veröffentlichung zur Prüfung zurückgehalten.
transparency-rule-moderators = Die Moderation blendet Beiträge aus einer einzigen Warteschlange aus oder wieder ein; jede Entscheidung wird protokolliert.
transparency-rule-blocked = Wird ein Konto gesperrt, werden seine Kommentare ausgeblendet.
transparency-rule-statements = Für die Meinungskarte vorgeschlagene Aussagen werden geprüft, bevor über sie abgestimmt wird.
transparency-rule-audit = Jede Handlung des Teams wird in einem Prüfprotokoll festgehalten.
transparency-hidden-caption = Ausgeblendete Kommentare nach Grund ({ $hidden } ausgeblendet, { $visible } sichtbar)
transparency-col-why = Grund
transparency-hidden-reports = Nach Meldungen ausgeblendet, Prüfung ausstehend
transparency-hidden-keyword = Wegen eines beobachteten Wortes zurückgehalten
transparency-hidden-moderator = Durch Entscheidung der Moderation ausgeblendet
transparency-hidden-blocked = Mit dem gesperrten Konto ihres Verfassers ausgeblendet
transparency-others-caption = Meldungen und Aussagen
transparency-reports = Eingegangene Meldungen
transparency-reports-upheld = Meldungen, auf die eine Ausblendung folgte
transparency-reports-rejected = Zurückgewiesene Meldungen (Beitrag wiederhergestellt oder belassen)
transparency-reports-open = Meldungen, die auf Prüfung warten
transparency-statements-accepted = Für die Meinungskarte angenommene Aussagen
transparency-statements-rejected = Von der Moderation abgelehnte Aussagen
transparency-blocked-accounts = Gesperrte Konten
transparency-report-heading = Wie Bilanzen berechnet werden
transparency-report-intro = Jede Beteiligung endet mit einer Bilanz, die alle Link für Link prüfen können.
transparency-report-people = Teilnehmende: die Personen, die mindestens einen Beitrag, eine Stimme oder eine Unterstützung in der Beteiligung abgegeben haben, jede einmal gezählt.
transparency-report-contributions = Beiträge: Kommentare, angenommene Aussagen, Antworten auf Fragebögen und veröffentlichte Vorschläge; ausgeblendete oder gelöschte Beiträge zählen nicht.
transparency-report-votes = Stimmen und Unterstützungen: Stimmen auf der Meinungskarte und Unterstützungen für Vorschläge.
transparency-report-opinion = Was verbindet: Aussagen, denen ein großer Teil jeder Gruppe der Meinungskarte zustimmt (oder widerspricht); was eine Gruppe unterscheidet: die Aussagen, bei denen sie am stärksten von den anderen abweicht.
transparency-report-questionnaires = Fragebögen: die meistgewählte Antwort jeder geschlossenen Frage, sobald die Gemeinde die Ergebnisse veröffentlicht hat; bei Gleichstand werden alle genannt.
transparency-report-no-ai = Keine künstliche Intelligenz: Dieselben Daten ergeben immer dieselbe Bilanz. Der Kommentar der Gemeinde steht neben den Zahlen.
transparency-reports-published = Veröffentlichte Bilanzen
transparency-open-data-heading = Offene Daten
transparency-open-data-intro = Öffentliche Beiträge dürfen frei weiterverwendet werden (Licence Ouverte 2.0), ohne personenbezogene Daten: kein Verfasser, kein Konto.
transparency-api-doc = Die Open-Data-API (OpenAPI-3.1-Beschreibung)
transparency-api-processes = Die Beteiligungen als JSON
transparency-bundle = Die gesamte Beteiligung in einer JSON-Datei
transparency-news-feed = Neuigkeiten (Atom-Feed)

## Participatory budget (components/budget)
tool-budget = Über die Projekte des Bürgerhaushalts abstimmen
tool-budget-heading = Die Haushaltsabstimmung
tool-budget-count = { $count ->
    [0] Keine Stimmzettel
    [one] 1 Stimmzettel
   *[other] { $count } Stimmzettel
}
budget-ballots = { $count ->
    [0] keine Stimmzettel
    [one] 1 Stimmzettel
   *[other] { $count } Stimmzettel
}
dashboard-budget_ballots = Stimmzettel des Bürgerhaushalts
report-row-budget-ballots = Stimmzettel des Bürgerhaushalts
report-row-budget-paper-ballots = davon Papierstimmzettel
report-budget-heading = Die Abstimmung über den Bürgerhaushalt
report-budget-ballots = { $count ->
    [one] Ein Stimmzettel
   *[other] { $count } Stimmzettel
}, davon { $paper } auf Papier.
report-budget-turnout = Die Online-Stimmzettel entsprechen { $percent } % der { $residents } auf der Plattform registrierten Einwohnerinnen und Einwohner.
report-budget-by-district = Stimmzettel nach Stadtteil: { $envelope }
report-budget-col-online = Online
report-budget-col-paper = Auf Papier
report-budget-winners = Die ausgewählten Projekte
report-budget-winner = { $cost } · { $votes } Stimmen
report-budget-no-winner = Kein Projekt wurde ausgewählt.
report-budget-results = Alle Ergebnisse und die Zählregel
report-budget-not-published = Die Ergebnisse dieser Abstimmung sind noch nicht veröffentlicht.
exports-budget = Haushalt: { $title }
activity-budget-results = Abstimmungsergebnisse veröffentlicht:
activity-budget-project-from-proposal = Ein Vorschlag wird ein Projekt zur Abstimmung:
field-invalid-postal-code = Geben Sie eine Postleitzahl mit 5 Ziffern ein (außerhalb Frankreichs 4).
field-postal-code-outside = Diese Postleitzahl gehört nicht zur Gemeinde.
field-fixed-by-votes = Kann nicht mehr geändert werden: Es wurde bereits für dieses Projekt abgestimmt.
budget-list-title = Bürgerhaushalt
budget-list-intro = Jeder Topf hat seinen Betrag und seine Abstimmungsregel. Wählen Sie die Projekte, die finanziert werden sollen.
budget-list-empty = Noch kein Topf.
budget-new-title = Neuer Topf
budget-rule-knapsack = Wählen Sie beliebig viele Projekte, bis insgesamt { $amount }.
budget-rule-approval = { $count ->
    [one] Wählen Sie 1 Projekt.
   *[other] Wählen Sie bis zu { $count } Projekte, unabhängig von ihren Kosten.
}
budget-rule-minimum = Ein Stimmzettel muss mindestens { $amount } ergeben.
budget-vote-open-until = Abstimmung offen bis einschließlich { $day }.
budget-vote-from-to = Abstimmung vom { $start } bis { $end }.
budget-vote-closed-on = Abstimmung beendet am { $day }.
budget-vote-no-date = Der Abstimmungszeitraum steht noch nicht fest.
budget-feasibility-pending = In Prüfung
budget-feasibility-feasible = Umsetzbar
budget-feasibility-unfeasible = Nicht umsetzbar
budget-refused-sign-in = Melden Sie sich an, um abzustimmen.
budget-refused-closed = Die Abstimmung ist derzeit nicht geöffnet.
budget-refused-final = Sie haben bereits abgestimmt, und dieser Topf erlaubt keine Änderung.
budget-no-room = Passt nicht mehr in Ihren Warenkorb: { $left } übrig.
budget-no-room-count = { $count ->
    [one] Ihr Warenkorb hat bereits sein Projekt.
   *[other] Ihr Warenkorb hat bereits { $count } Projekte, das Maximum.
}
budget-refused-empty = Ihr Warenkorb ist leer: Fügen Sie mindestens ein Projekt hinzu.
budget-refused-unknown = Ein Projekt in Ihrem Warenkorb steht nicht mehr zur Wahl: Entfernen Sie es.
budget-refused-over = Ihr Warenkorb ergibt { $total }, mehr als der Topf von { $amount }: Entfernen Sie ein Projekt.
budget-refused-too-many = Ihr Warenkorb hat { $count } Projekte, höchstens { $max } sind erlaubt: Entfernen Sie welche.
budget-refused-under = Ihr Warenkorb ergibt { $total }: Ein Stimmzettel muss mindestens { $minimum } ergeben. Fügen Sie ein Projekt hinzu.
budget-cart-left = { $left } von { $amount } übrig
budget-cart-chosen = { $count } von { $max } Projekten gewählt
budget-vote-change = Meine Stimme durch diesen Warenkorb ersetzen
budget-vote-confirm = Meine Stimme abgeben
budget-voted-notice = Ihre Stimme ist gespeichert. Danke!
budget-voted-on = Sie haben abgestimmt ({ $date }).
budget-settings = Einstellungen des Topfs
budget-project-new = Neues Projekt
budget-paper-title = Papierstimmzettel
budget-results-title = Ergebnisse
budget-staff-nav = Verwaltung des Topfs
budget-ballot-refused = Stimme nicht gespeichert
budget-sign-in-to-vote = Melden Sie sich an, um Ihren Warenkorb zu füllen und abzustimmen
budget-cart-title = Ihr Warenkorb
budget-cart-empty = Noch kein Projekt: Fügen Sie die hinzu, die finanziert werden sollen.
budget-remove = Entfernen
budget-add = In den Warenkorb
budget-in-cart = In Ihrem Warenkorb
budget-cart-unconfirmed = Ihr Warenkorb hat sich seit Ihrer Stimmabgabe geändert: Bestätigen Sie, um Ihren Stimmzettel zu ersetzen; sonst gilt der gespeicherte.
budget-projects-title = Die Projekte zur Abstimmung
budget-projects-empty = Noch kein Projekt steht zur Abstimmung.
budget-others-title = Geprüfte Projekte, nicht zur Abstimmung
budget-first-cost = Erste Schätzung:
budget-field-feasibility = Umsetzbarkeit
budget-field-district = Stadtteil
budget-field-category = Thema
budget-field-address = Adresse
budget-from-proposal = Aus dem Vorschlag
budget-review-title = Prüfung durch die Verwaltung
budget-see-cart = Meinen Warenkorb ansehen
budget-project-edit = Projekt bearbeiten
budget-results-draft = Diese Ergebnisse sind noch nicht öffentlich: Nur das Team sieht sie.
budget-count = Stimmzettel auszählen
budget-unpublish = Veröffentlichung zurückziehen
budget-publish = Ergebnisse veröffentlichen
budget-figures-title = Beteiligung
budget-figures-total = Gezählte Stimmzettel:
budget-figures-online = Online:
budget-figures-paper = Auf Papier:
budget-figures-by-district = Stimmzettel nach Stadtteil
budget-figures-online-col = Online
budget-figures-paper-col = Papier
budget-no-district = Stadtteil nicht angegeben
budget-official = geltende Regel
budget-chart-caption = Stimmen je Projekt in der Reihenfolge der Auszählung; dunkelblaue, mit ✓ markierte Balken sind die finanzierten Projekte. Die Tabelle darunter enthält dieselben Zahlen.
budget-col-rank = Reihenfolge
budget-col-project = Projekt
budget-col-votes = Stimmen
budget-col-cost = Kosten
budget-col-left = Rest an der Reihe
budget-col-outcome = Ergebnis
budget-not-counted = Die Stimmzettel wurden noch nicht ausgezählt.
budget-downloads-title = Selbst nachrechnen
budget-downloads-intro = Die Stimmzettel werden ohne Namen oder Konto veröffentlicht, in einer Reihenfolge, die nichts darüber verrät, wer wann abgestimmt hat. Die .pb-Datei (pabulib-Format) lässt sich mit den Werkzeugen von pabulib.org und equalshares.net lesen.
budget-download-pb = Die anonymisierten Stimmzettel (.pb, pabulib)
budget-download-csv = Die anonymisierten Stimmzettel (CSV)
budget-download-json = Die Projekte und Ergebnisse (JSON)
budget-transparency-link = Wie die Gewinnerprojekte bestimmt werden
budget-counted-on = Ausgezählt am { $date }, { $count } Stimmzettel.
budget-count-stale = Seitdem insgesamt { $count } Stimmzettel: Zählen Sie erneut, um sie einzubeziehen.
budget-spent = { $spent } von { $amount } finanziert
budget-method-greedy = Meiste Stimmen zuerst
budget-method-equal-shares = Methode der gleichen Anteile
budget-method-greedy-rule = Die Projekte werden von den meisten zu den wenigsten Stimmen genommen (bei Gleichstand: das günstigere, dann das ältere). Jedes wird finanziert, wenn es in den Rest des Topfs passt; sonst kommt das nächste.
budget-method-equal-shares-rule = Der Topf wird gleichmäßig auf die Abstimmenden verteilt. Ein Projekt wird finanziert, wenn seine Wählerinnen und Wähler es gemeinsam aus ihren Anteilen bezahlen können; in jeder Runde gewinnt das, das jedem pro Euro am wenigsten abverlangt. Der Rest geht an die meistgewählten. Eine Gruppe mit 30 % der Stimmen entscheidet so über etwa 30 % des Topfs.
budget-why-won = Finanziert ({ $left } übrig)
budget-why-completed = Aus dem Rest finanziert ({ $left })
budget-why-too-expensive = Nicht finanziert: nur { $left } übrig
budget-why-no-votes = Nicht finanziert: keine Stimmen
budget-ballot-knapsack = Projekte bis zum Betrag des Topfs
budget-ballot-approval = Eine Höchstzahl an Projekten
budget-field-name = Name des Topfs
budget-field-description = Beschreibung
budget-whole-commune = Die ganze Gemeinde
budget-field-amount = Betrag (Euro)
budget-field-amount-hint = Eine ganze Zahl in Euro, zum Beispiel 250000.
budget-field-ballot = Regel des Stimmzettels
budget-field-max-projects = Höchstzahl an Projekten
budget-field-max-projects-hint = Nur für die Regel „Höchstzahl an Projekten“: 1 bis 100.
budget-field-min-percent = Mindestanteil (in %)
budget-field-min-percent-hint = Leer lassen für keinen. Zum Beispiel 50: Jeder Stimmzettel muss mindestens die Hälfte des Topfs ergeben.
budget-field-method = Methode der Auszählung
budget-field-method-hint = Beide Ergebnisse werden immer berechnet und veröffentlicht; diese ist die Regel der Gemeinde.
budget-field-changeable = Abstimmende dürfen ihre Stimme bis zum Ende ändern
budget-settings-intro = Die Abstimmung läuft während der Phase, die das Werkzeug „Haushaltsabstimmung“ trägt.
budget-settings-locked = Es wurden Stimmen abgegeben: Betrag und Regel können sich nicht mehr ändern.
budget-field-proposal = Ursprünglicher Vorschlag
budget-no-proposal = Keiner (Projekt der Gemeinde)
budget-field-proposal-hint = Die angenommenen Vorschläge des Verfahrens. Autor und Unterstützende werden benachrichtigt.
budget-field-title = Titel
budget-field-body = Beschreibung
budget-field-cost = Geschätzte Kosten (Euro)
budget-no-category = Kein Thema
budget-field-feasibility-hint = Nur umsetzbare Projekte stehen zur Abstimmung.
budget-field-review = Öffentliche Stellungnahme der Verwaltung
budget-field-review-hint = Pflicht, wenn das Projekt nicht umsetzbar ist: Begründen Sie es. Nennen Sie auch, was die Kosten geändert hat.
budget-project-intro = Ein Projekt zur Abstimmung: Text, Kosten und Stellungnahme der Verwaltung, alles öffentlich.
budget-project-see = Projekt ansehen
budget-paper-no-district = Nicht angegeben
budget-paper-intro = Erfassen Sie jeden im Rathaus abgegebenen Stimmzettel so, wie er ausgefüllt ist. Er wird mit den Online-Stimmen gezählt und in den Zahlen getrennt ausgewiesen; jede Erfassung steht im Audit-Protokoll.
budget-paper-count = { $count ->
    [0] Kein Papierstimmzettel erfasst.
    [one] 1 Papierstimmzettel erfasst.
   *[other] { $count } Papierstimmzettel erfasst.
}
budget-paper-closed = Die Erfassung ist geschlossen: Sie ist während der Abstimmung und eine Woche danach möglich.
budget-paper-saved = Stimmzettel { $reference } gespeichert.
budget-paper-duplicate = Diese Stimmzettelnummer wurde bereits erfasst.
budget-paper-reference = Stimmzettelnummer
budget-paper-reference-hint = Wie auf dem Stimmzettel gedruckt, zum Beispiel B-0042: Buchstaben, Ziffern, Bindestriche.
budget-paper-district = Stadtteil der Person
budget-paper-projects = Auf dem Stimmzettel angekreuzte Projekte
budget-paper-save = Stimmzettel speichern
budget-paper-entered = Zuletzt erfasste Stimmzettel
budget-paper-when = Erfasst am
data-table-budget_ballots = Ihre Stimmen zum Bürgerhaushalt
data-about-budget_ballots = Die Projekte, die Sie gewählt haben, um Ihre Stimme zu zählen. Wenn Sie Ihr Konto löschen, zählt der Stimmzettel weiter, ohne Ihren Namen.
data-table-budget_carts = Ihr Abstimmungs-Warenkorb
data-about-budget_carts = Die Projekte, die Sie vor der Stimmabgabe zurückgelegt haben. Werden mit Ihrem Konto gelöscht.
data-table-budget_ballots_entered_by = Von Ihnen erfasste Papierstimmzettel
data-about-budget_ballots_entered_by = Für das Team: wer welchen Stimmzettel erfasst hat, zur Prüfung der Abstimmung.
data-col-envelope_id = Topf
data-col-projects = Gewählte Projekte
data-col-total = Summe
data-col-project_id = Projekt
data-col-added_at = Hinzugefügt am
data-col-paper_ref = Stimmzettelnummer
transparency-budget-heading = Der Bürgerhaushalt: wie die Gewinner bestimmt werden
budget-vote-district = Ihr Stadtteil (freiwillig)
budget-vote-district-hint = Nur für die Beteiligungszahlen nach Stadtteil; Ihre Stimme ändert sich dadurch nicht.
transparency-budget-intro = Jeder Topf nennt seine Regel vor der Abstimmung. Beide Auszählungen unten werden immer durchgeführt und nebeneinander veröffentlicht; die Gemeinde sagt, welche gilt. Eine Auszählung ergibt für dieselben Stimmzettel immer dasselbe Ergebnis.
transparency-budget-completion = Einzelheiten der Methode der gleichen Anteile (Peters, Pierczyński und Skowron; die Variante von equalshares.net): Ein Projekt ist für jede Person, die es wählt, seine Kosten wert; solange ein gewähltes Projekt noch in den Rest passen würde, wächst jeder Anteil um einen Euro (oder um ein Tausendstel des ersten Anteils, wenn das mehr ist) und die Auszählung wird wiederholt, solange das Finanzierte in den Topf passt; der Rest geht an die meistgewählten. Bei Gleichstand gewinnt das meistgewählte, dann das günstigere, dann das ältere Projekt.
transparency-budget-check = Jeder kann nachprüfen: Die Ergebnisseite jedes Topfs bietet die anonymisierten Stimmzettel im pabulib-Format (.pb) an, zu öffnen mit den Werkzeugen von pabulib.org oder equalshares.net.
budget-project-funded = Ausgewähltes Projekt: die Gemeinde setzt es um.
budget-place = Ort des Projekts
budget-field-location-hint = Optional: der Ort des Projekts, auf der Karte gewählt oder als Koordinaten eingegeben (zum Beispiel 47.392 und 0.688).
budget-milestone-not-funded = Nur ausgewählte Projekte haben eine Umsetzungsverfolgung, sobald die Ergebnisse veröffentlicht sind.
activity-budget-project-milestone = Fortschritt des Projekts:
data-table-budget_project_milestones = Von Ihnen verfasste Umsetzungsschritte von Projekten
data-about-budget_project_milestones = Die Schritte ausgewählter Projekte, die von Ihrem Konto aus verfasst wurden (Team). Sie bleiben: sie sind die Umsetzungsverfolgung der Gemeinde.
data-table-resident_verifications = Ihre Verifizierung als Einwohner
data-about-resident_verifications = Wie und wann Sie als Einwohner der Gemeinde verifiziert wurden (und in welchem Viertel), und die widerrufenen Verifizierungen. Mit Ihrem Konto gelöscht.
data-table-resident_verifications_verified_by = Von Ihnen verifizierte Einwohner
data-about-resident_verifications_verified_by = Für das Team: die am Schalter von Ihrem Konto aus vorgenommenen Verifizierungen, für die Prüfung.
data-table-resident_verifications_revoked_by = Von Ihnen widerrufene Verifizierungen
data-about-resident_verifications_revoked_by = Für das Team: die von Ihrem Konto aus widerrufenen Verifizierungen, für die Prüfung.
dashboard-verified_residents = verifizierte Einwohner
verification-title = Verifizierter Einwohner
verification-verified = Verifiziert:
verification-not-verified = Diese Person ist nicht als Einwohner der Gemeinde verifiziert.
verification-current = { $method }, { $district }, am { $date } (von { $by }).
verification-revoked = { $method }, { $district }, am { $date }; widerrufen am { $revoked }.
verification-no-district = ohne Viertel
verification-by-nobody = ohne Mitarbeiter
verification-history = Widerrufene Verifizierungen
verification-revoke = Verifizierung widerrufen
verification-desk-intro = Am Schalter: verifizieren Sie die Person in ihrer Anwesenheit anhand eines Ausweises und eines Wohnsitznachweises in der Gemeinde. Die Verifizierung wird im Prüfprotokoll festgehalten.
verification-district = Viertel des Wohnsitzes
verification-desk-seen = Ich habe den Ausweis und den Wohnsitznachweis dieser Person gesehen.
verification-desk-seen-missing = Kreuzen Sie das Feld an, das bestätigt, dass Sie den Ausweis und den Wohnsitznachweis gesehen haben.
verification-desk-verify = Am Schalter verifizieren
verification-method-franceconnect = FranceConnect
verification-method-census = Liste der Gemeinde
verification-method-letter = per Post erhaltener Code
verification-method-desk = am Schalter des Rathauses
verification-missing-sign-in = Melden Sie sich an, um teilzunehmen.
verification-missing-email = Bestätigen Sie zuerst Ihre E-Mail-Adresse (der Link steht in der Nachricht zur Anmeldung), um teilzunehmen.
verification-missing-resident = Hier nehmen nur verifizierte Einwohner der Gemeinde teil. Um verifiziert zu werden, kommen Sie mit einem Ausweis und einem Wohnsitznachweis an den Schalter des Rathauses, oder sehen Sie die anderen Wege in Ihrem Konto unter „Meine Einwohner-Verifizierung“.
verification-missing-district = Hier nehmen nur verifizierte Einwohner dieses Viertels teil, und Sie wurden in einem anderen Viertel verifiziert. Wenn Sie umgezogen sind, kommen Sie mit einem Nachweis Ihres neuen Wohnsitzes an den Schalter des Rathauses.
verification-levels-title = Wer teilnehmen darf
verification-levels-intro = Für jedes Werkzeug des Verfahrens, was von den Teilnehmenden verlangt wird („Diskutieren“ gilt für Kommentare überall im Verfahren und für die Meinungskarte). Eine Abstimmung, die die Gemeinde bindet (der Bürgerhaushalt), kann verifizierten Einwohnern vorbehalten werden, bei Bedarf eines Viertels; der Topf eines Viertels ist dann den verifizierten Einwohnern dieses Viertels vorbehalten.
verification-level-signed_in = Ein angemeldetes Konto
verification-level-confirmed = Ein Konto mit bestätigter E-Mail-Adresse
verification-level-verified = Ein verifizierter Einwohner der Gemeinde
verification-field-district = Viertel (nur verifizierte Einwohner)
verification-field-district-hint = Optional: nur für „ein verifizierter Einwohner“.
verification-any-district = Die ganze Gemeinde
verification-required-title = Teilnahme eingeschränkt
verification-level-default = Standard: was das Werkzeug verlangt (ein bestätigtes Konto für die Abstimmung des Bürgerhaushalts)
data-col-method = Methode
data-col-district_id = Viertel
data-col-revoked_at = Widerrufen am
data-col-user_id = Person

## Sign-in with OpenID providers (FranceConnect, a commune's SSO)
oidc-sign-in-with = Mit einer Online-Identität anmelden
oidc-sign-in-franceconnect = Mit FranceConnect anmelden
oidc-sign-in-sso = Mit dem Konto der Gebietskörperschaft anmelden
oidc-what-is-franceconnect = Was ist FranceConnect? (neues Fenster)
login-with-password = Oder mit Ihrer E-Mail-Adresse und Ihrem Passwort
oidc-provider-franceconnect = FranceConnect
oidc-provider-sso = Konto der Gebietskörperschaft
oidc-default-name = Einwohner·in
oidc-back-to-login = Zurück zur Anmeldeseite
oidc-failure-title = Die Anmeldung ist nicht gelungen
oidc-failure-not-configured = Die Gemeinde bietet diese Anmeldung nicht an. Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.
oidc-failure-unavailable = Der Anmeldedienst antwortet im Moment nicht. Es wurde kein Konto angelegt oder geändert. Versuchen Sie es in einigen Minuten erneut oder melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.
oidc-failure-cancelled = Die Anmeldung wurde abgebrochen oder vom Anmeldedienst abgelehnt. Es wurde kein Konto angelegt oder geändert. Sie können auf der Anmeldeseite neu beginnen.
oidc-failure-expired = Diese Anmeldung ist abgelaufen, wurde schon verwendet oder in einem anderen Browser begonnen. Es wurde kein Konto angelegt oder geändert. Beginnen Sie auf der Anmeldeseite neu.
oidc-failure-invalid = Die Antwort des Anmeldedienstes konnte nicht geprüft werden. Zu Ihrer Sicherheit wurde kein Konto angelegt oder geändert. Beginnen Sie auf der Anmeldeseite neu.
oidc-failure-no-email = Der Anmeldedienst hat keine bestätigte E-Mail-Adresse übermittelt, die ein Konto braucht. Legen Sie ein Konto mit Ihrer Adresse an und fügen Sie diese Anmeldung dann in Ihrem Konto hinzu.
oidc-identity-taken = Diese Identität ist schon mit einem anderen Konto verbunden. Melden Sie sich ab und dann mit ihr an.
oidc-link-title = Diese Identität mit Ihrem Konto verbinden
oidc-link-intro = Mit der von { $provider } übermittelten Adresse gibt es schon ein Konto. Geben Sie das Passwort dieses Kontos ein, um diese Anmeldung hinzuzufügen: danach können Sie beide verwenden.
oidc-link-submit = Verbinden und anmelden
oidc-link-no-password = Mit dieser Adresse gibt es schon ein Konto, das sich anders anmeldet. Melden Sie sich zuerst wie gewohnt an und fügen Sie diese Anmeldung dann unter „Meine Anmeldewege“ hinzu.
identities-title = Meine Anmeldewege
identities-intro = Die Online-Identitäten, mit denen Sie sich neben Ihrem Passwort bei diesem Konto anmelden können. Gespeichert wird nur die Kennung, die uns der Dienst übermittelt.
identities-intro-no-password = Die Online-Identitäten, mit denen Sie sich bei diesem Konto anmelden. Gespeichert wird nur die Kennung, die uns der Dienst übermittelt. Um sich auch mit einem Passwort anzumelden, wählen Sie eines über „Passwort vergessen?“ auf der Anmeldeseite.
identities-none = Mit diesem Konto ist keine Online-Identität verbunden.
identities-add = Anmeldeweg hinzufügen
identities-col-provider = Dienst
identities-col-since = Verbunden am
identities-col-last-used = Zuletzt verwendet
data-table-user_identities = Anmeldewege
data-about-user_identities = Die mit Ihrem Konto verbundenen Online-Identitäten (FranceConnect, Konto der Gebietskörperschaft): der Dienst und wann sie verwendet wurden.
data-table-oidc_links = Ausstehende Verbindungen
data-about-oidc_links = Eine Online-Identität, die auf das Passwort Ihres Kontos wartet (höchstens eine Viertelstunde).
data-col-provider = Dienst
data-col-acr = Vertrauensniveau
data-col-last_used_at = Zuletzt verwendet
admin-field-postal-codes = Postleitzahlen der Gemeinde
admin-field-postal-codes-hint = Durch Kommas getrennt (41000, 41350). Wer mit FranceConnect angemeldet ist und eine Adresse unter einer davon angibt, wird verifizierte Einwohnerin bzw. verifizierter Einwohner; leer wird diese Verifizierung nicht angeboten.

## A resident's own verification page
my-verification-title = Meine Einwohner-Verifizierung
my-verification-you-are = Sie sind verifizierte Einwohnerin bzw. verifizierter Einwohner der Gemeinde ({ $method }, am { $when }).
my-verification-you-are-of = Sie sind verifizierte Einwohnerin bzw. verifizierter Einwohner der Gemeinde, Viertel { $district } ({ $method }, am { $when }).
my-verification-intro = Manche Beteiligungen, etwa eine für die Gemeinde verbindliche Abstimmung, sind verifizierten Einwohnerinnen und Einwohnern vorbehalten. So können Sie verifiziert werden.
my-verification-franceconnect-title = Mit FranceConnect und Ihrer Adresse
my-verification-franceconnect-intro = Sie sind mit FranceConnect angemeldet. Geben Sie Ihre Adresse in der Gemeinde an: sie wird geprüft, nicht gespeichert; gespeichert werden nur die Methode, das gewählte Viertel und das Datum.
my-verification-franceconnect-first = Melden Sie sich zuerst mit FranceConnect an und kommen Sie dann auf diese Seite zurück, um Ihre Adresse anzugeben.
my-verification-field-address = Adresse (Hausnummer und Straße)
my-verification-field-postal-code = Postleitzahl
my-verification-field-postal-code-hint = Die Ihres Wohnsitzes in der Gemeinde.
my-verification-field-district = Ihr Viertel
my-verification-no-district = Weiß ich nicht
my-verification-submit = Adresse angeben
my-verification-desk-title = Am Schalter des Rathauses
my-verification-desk = Kommen Sie mit einem Ausweis und einem höchstens drei Monate alten Wohnsitznachweis zum Empfang des Rathauses: dort werden Sie verifiziert.

## The census list
census-title = Einwohnerliste
census-intro = Importieren Sie die Einwohnerliste der Gemeinde (Wählerverzeichnis oder Melderegister) als CSV-Datei: Nachname, Vorname, Geburtsdatum, Postleitzahl und auf Wunsch Viertel, in dieser Reihenfolge. Jede Zeile wird nur als verschlüsselter Fingerabdruck gespeichert: die Liste selbst nicht. Wer Angaben macht, die einer Zeile entsprechen, wird verifizierte Einwohnerin bzw. verifizierter Einwohner; eine neue Liste ersetzt die noch nicht verwendeten Zeilen.
census-open = { $count ->
    [0] Keine Zeile ist verfügbar.
    [one] Eine Zeile ist verfügbar.
   *[other] { $count } Zeilen sind verfügbar.
}
census-field-list = CSV-Datei der Liste
census-field-list-hint = Durch Semikolon oder Komma getrennt, UTF-8; eine Kopfzeile ist erlaubt. Daten als TT/MM/JJJJ.
census-submit = Liste importieren
census-imported = { $count } Zeilen importiert.
census-imported-refused = { $count } Zeilen importiert; { $refused } Zeilen abgelehnt (unvollständig, Datum oder Postleitzahl unlesbar, Viertel unbekannt): Zeilen { $lines }.
my-verification-census-title = Mit der Einwohnerliste der Gemeinde
my-verification-census-intro = Wenn Sie auf der Liste der Gemeinde stehen, geben Sie Ihre Angaben so ein, wie sie dort stehen. Sie werden als verschlüsselter Fingerabdruck mit der Liste verglichen und nicht gespeichert.
my-verification-census-submit = Angaben prüfen
my-verification-field-family-name = Nachname
my-verification-field-given-name = Vorname
my-verification-field-birth-date = Geburtsdatum
my-verification-field-birth-date-hint = Als TT/MM/JJJJ.
field-not-on-the-list = Diese Angaben entsprechen keinem verfügbaren Eintrag der Einwohnerliste. Prüfen Sie sie (Geburtsname, amtlicher Vorname) oder kommen Sie zum Schalter des Rathauses.
data-table-census_entries = Einwohnerliste
data-about-census_entries = Die Zeile der Einwohnerliste der Gemeinde, die Sie verifiziert hat (ein verschlüsselter Fingerabdruck, ohne Ihren Namen).
data-table-census_imports = Importe der Einwohnerliste
data-about-census_imports = Die Einwohnerlisten, die Sie importiert haben (Personal).
data-col-rows = Zeilen
data-col-refused = Abgelehnte Zeilen
data-col-imported_at = Importiert am
census-index-intro = Die Einwohnerliste der Gemeinde, die verifiziert, wer darauf steht.

## Letter codes
letters-title = Bestätigungsbriefe
letters-index-intro = Codes, die den Einwohnern auf Wunsch per Post geschickt werden.
letters-intro = Wer es wünscht, erhält per Post an seine Adresse in der Gemeinde einen Brief mit einem Code; er gibt ihn in seinem Konto ein und wird bestätigter Einwohner. Der Code wird nur als verschlüsselter Fingerabdruck gespeichert und die Adresse nur, bis der Code eingegeben, die Anfrage zurückgezogen oder der Brief abgelaufen ist ({ $days } Tage nach dem Druck).
letters-off = Briefe werden den Einwohnern nicht angeboten: Dafür braucht es unten die Adresse des Rathauses und die Postleitzahlen der Gemeinde (unter „Identität der Website“).
letters-counts = Zu drucken: { $waiting } · verschickt, Code ausstehend: { $sent } · eingegebene Codes: { $used }
letters-to-print-title = Zu drucken
letters-col-recipient = Empfänger
letters-col-place = Postleitzahl und Ort
letters-col-asked = Angefragt am
letters-none-to-print = Kein Brief zu drucken.
letters-print = { $count ->
    [one] Den Brief drucken (PDF)
   *[other] Die { $count } Briefe drucken (PDF)
}
letters-print-hint = Jeder Brief erhält einen neuen Code, der nur in dieser Datei steht: Drucken Sie sie, stecken Sie die Briefe in Fensterumschläge und löschen Sie danach die Datei. Höchstens { $max } Briefe pro Datei.
letters-batches-title = Zuletzt gedruckte Stapel
letters-col-printed = Gedruckt am
letters-col-by = Von
letters-col-count = Briefe
letters-col-open = Code ausstehend
letters-reprint = Erneut zum Druck
letters-reprint-hint = Eine Datei verloren oder falsch gedruckt: Ihre noch offenen Briefe kommen mit neuen Codes zurück zu „Zu drucken“, und die schon gedruckten Codes gelten nicht mehr.
letters-settings-title = Adresse des Rathauses
letters-field-sender = Als Absender gedruckte Adresse
letters-field-sender-hint = Eine Zeile pro Adresszeile, höchstens sechs: die Stelle, die Straße, Postleitzahl und Ort. Leer: Briefe werden nicht angeboten.
letters-nothing-printed = Es gab keinen Brief zu drucken.
letters-reprinted = { $count ->
    [one] Ein Brief erneut zum Druck gegeben.
   *[other] { $count } Briefe erneut zum Druck gegeben.
}
letter-date = { $date }
letter-subject = Ihr Code als bestätigter Einwohner
letter-greeting = Sehr geehrte Damen und Herren,
letter-body = Sie haben auf der Beteiligungsplattform von { $commune } beantragt, als Einwohnerin oder Einwohner der Gemeinde bestätigt zu werden. Hier ist Ihr persönlicher Code:
letter-how = Melden Sie sich dazu in Ihrem Konto auf der Website an, öffnen Sie die Seite „Meine Einwohnerbestätigung“ ({ $link }) und geben Sie diesen Code vor dem { $expires } ein.
letter-once = Dieser Code gilt einmal und nur in dem Konto, das ihn angefragt hat. Wenn Sie nichts beantragt haben, müssen Sie nichts tun: Der Code läuft ab. Sie können es auch dem Rathaus melden.
letter-closing = Mit freundlichen Grüßen
letter-reference = Brief Nr. { $id }, angefragt am { $date }
my-verification-letter-title = Per Post, mit einem Code
my-verification-letter-intro = Das Rathaus schickt Ihnen per Post an Ihre Adresse in der Gemeinde einen Brief mit einem Code, den Sie hier eingeben. Ihre Adresse wird nur bis dahin gespeichert.
my-verification-field-recipient = Name am Briefkasten
my-verification-field-recipient-hint = So, wie er auf dem Umschlag stehen soll.
my-verification-field-town = Ort
my-verification-letter-submit = Einen Brief anfordern
my-verification-letter-asked = Sie haben am { $date } einen Brief für { $place } angefordert. Das Rathaus druckt und verschickt ihn; er kommt meist innerhalb einer Woche an.
my-verification-letter-sent = Ihr Brief wurde am { $date } gedruckt. Geben Sie den Code darin vor dem { $expires } ein.
my-verification-field-letter-code = Per Post erhaltener Code
my-verification-field-letter-code-hint = Zehn Buchstaben und Ziffern, zum Beispiel ABCDE-FGH23.
my-verification-letter-code-submit = Code bestätigen
my-verification-letter-cancel-intro = Brief nicht erhalten, oder Adresse zu ändern?
my-verification-letter-cancel = Anfrage zurückziehen
field-not-the-letter-code = Dieser Code ist nicht der Ihres Briefes, oder er ist abgelaufen. Geben Sie ihn so ein, wie er gedruckt ist: zehn Buchstaben und Ziffern.
data-table-letter_requests = Bestätigungsbriefe
data-about-letter_requests = Der angeforderte Brief mit einem Code: die Adresse, gespeichert, bis der Code eingegeben, die Anfrage zurückgezogen oder der Brief abgelaufen ist; danach nur die Daten.
data-table-letter_requests_printed_by = Gedruckte Briefe
data-about-letter_requests_printed_by = Für das Team: die von Ihrem Konto aus gedruckten Bestätigungsbriefe.
data-col-recipient = Empfänger
data-col-town = Ort
data-col-postal_code = Postleitzahl
data-col-requested_at = Angefragt am
data-col-printed_at = Gedruckt am
data-col-outcome = Ausgang

## The town-hall desk
nav-desk = Schalter
desk-title = Schalter des Rathauses
desk-index-intro = Einwohner ohne E-Mail-Adresse persönlich registrieren und bestätigen.
desk-intro = Für Einwohner ohne Internet: Legen Sie ein Konto ohne E-Mail-Adresse an und bestätigen Sie die Person in ihrer Anwesenheit. Sie kann das Konto später mit ihrer Adresse online übernehmen, mit einem Code, den Sie ihr geben. Jede Registrierung und jeder Code stehen im Prüfprotokoll.
desk-register-title = Einen Einwohner registrieren
desk-field-name = Angezeigter Name
desk-field-name-hint = Der öffentliche Name ihrer Beiträge, zum Beispiel „Jeanne M.“.
desk-register-submit = Registrieren und bestätigen
desk-registered = { $name } ist am Schalter registriert und bestätigt. Zum Konto.
desk-accounts-title = Am Schalter eröffnete Konten
desk-claim-hint = Mit einem Übernahmecode kann die Person ihr Konto online übernehmen, mit ihrer E-Mail-Adresse und einem Passwort. Ein neuer Code ersetzt den vorigen.
desk-col-registered = Registriert am
desk-col-state = Online übernommen
desk-claim-code = Übernahmecode geben
desk-none = Am Schalter wurde noch kein Konto eröffnet.
desk-claimed = Übernommen am { $date }
desk-code-until = Code gültig bis { $date }
desk-no-code = Kein laufender Code
desk-code-title = Übernahmecode des Kontos
desk-code-for = Übernahmecode für
desk-code-how = Geben Sie diesen Code der Person schriftlich. Um ihr Konto zu übernehmen, öffnet sie { $link }, gibt den Code ein und wählt dann ihre E-Mail-Adresse und ihr Passwort, vor dem { $date }.
desk-code-once = Dieser Code wird nur einmal angezeigt: Er wird nur als verschlüsselter Fingerabdruck gespeichert. Geht er verloren, geben Sie einen neuen.
desk-no-email = ohne E-Mail-Adresse (am Schalter registriert)
claim-title = Mein im Rathaus eröffnetes Konto übernehmen
claim-intro = Sie wurden am Schalter des Rathauses registriert und haben einen Übernahmecode erhalten: Geben Sie ihn hier ein und wählen Sie dann Ihren angezeigten Namen, Ihre E-Mail-Adresse und ein Passwort. Ihre Beiträge und Ihre Einwohnerbestätigung bleiben Ihre.
claim-field-code = Übernahmecode
claim-field-code-hint = Zehn Buchstaben und Ziffern, zum Beispiel ABCDE-FGH23.
claim-submit = Mein Konto übernehmen
field-not-the-claim-code = Dieser Übernahmecode ist nicht gültig (schon benutzt, abgelaufen oder falsch eingegeben). Geben Sie ihn so ein, wie Sie ihn erhalten haben, oder fragen Sie am Schalter nach einem neuen.
data-table-desk_accounts = Registrierung am Schalter
data-about-desk_accounts = Ihr Konto wurde am Schalter des Rathauses eröffnet: wann, und wann Sie es online übernommen haben.
data-table-desk_accounts_registered_by = Am Schalter eröffnete Konten
data-about-desk_accounts_registered_by = Für das Team: die Konten, die Sie am Schalter eröffnet haben.
data-col-registered_at = Registriert am
data-col-code_expires_at = Übernahmecode gültig bis
login-desk-account = Am Schalter des Rathauses registriert, mit einem Übernahmecode?

## Erfassung am Schalter (für eine Person, die bei einer Mitarbeiterin sitzt)
desk-act = Mit dieser Person erfassen
desk-act-hint = Die öffentliche Website handelt dann in ihrem Namen, höchstens eine Stunde lang: Was Sie senden, gehört ihr, ist als „am Schalter erfasst“ gekennzeichnet, und jede Sendung wird protokolliert.
desk-banner = Schalter: Sie erfassen für { $name }. Alles, was Sie senden, wird in ihrem Namen gespeichert und als „am Schalter erfasst“ gekennzeichnet.
desk-end = Erfassung beenden
desk-entered-tag = Am Schalter erfasst
data-col-started_at = Begonnen am
data-col-resident_id = Einwohner·in
data-table-desk_sessions = Laufende Erfassung am Schalter
data-about-desk_sessions = Eine Mitarbeiterin oder ein Mitarbeiter des Rathauses erfasst gerade mit Ihnen Ihre Beiträge am Schalter (höchstens eine Stunde).
data-table-desk_sessions_staff_id = Ihre laufende Erfassung am Schalter
data-about-desk_sessions_staff_id = Für das Team: die Person, für die Sie gerade am Schalter erfassen.
data-table-comments_entered_by = Am Schalter erfasste Kommentare
data-about-comments_entered_by = Für das Team: die Kommentare, die Sie am Schalter für eine Einwohnerin oder einen Einwohner erfasst haben.
data-table-proposals_entered_by = Am Schalter erfasste Vorschläge
data-about-proposals_entered_by = Für das Team: die Vorschläge, die Sie am Schalter für eine Einwohnerin oder einen Einwohner erfasst haben.
data-table-proposal_supports_entered_by = Am Schalter erfasste Unterstützungen
data-about-proposal_supports_entered_by = Für das Team: die Unterstützungen, die Sie am Schalter für eine Einwohnerin oder einen Einwohner erfasst haben.
data-table-responses_entered_by = Am Schalter erfasste Antworten
data-about-responses_entered_by = Für das Team: die Antworten auf Fragebögen, die Sie am Schalter für eine Einwohnerin oder einen Einwohner erfasst haben.
report-row-discussion-comments-at-desk = davon am Schalter erfasst
report-row-proposals-at-desk = davon am Schalter erfasst
report-row-supports-at-desk = davon am Schalter erfasst
report-row-responses-at-desk = davon am Schalter erfasst
report-row-budget-ballots-at-desk = davon online am Schalter erfasste Stimmzettel
