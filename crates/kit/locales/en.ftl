# Palabre — English catalogue
skip-to-content = Skip to content
nav-main = Main navigation
nav-participate = Take part
nav-menu = Menu
nav-menu-close = Close the menu
nav-home = Home
nav-processes = Consultations
nav-news = News
nav-about = About
language-switch = Language
footer-legal = Legal notice
footer-privacy = Privacy
footer-accessibility = Accessibility: partially compliant
footer-terms = Terms of use
footer-powered = Powered by Palabre, free software for citizen participation
home-news-heading = Latest news
home-news-empty = No news yet.
home-see-processes = See the consultations
home-processes-heading = Consultations under way
home-processes-empty = No consultation is under way: see those coming up.
home-figures-heading = Participation in figures
home-figures-participants = { $count ->
    [one] registered resident
   *[other] registered residents
}
home-figures-open = { $count ->
    [one] consultation under way
   *[other] consultations under way
}
home-figures-contributions = { $count ->
    [one] contribution received
   *[other] contributions received
}
home-figures-proposals = { $count ->
    [one] citizen proposal
   *[other] citizen proposals
}
home-phases-heading = Next steps
home-phases-empty = No phase is announced yet.
home-news-all = All news
published-on = Published on { $date }
page-updated-on = Updated on { $date }
back-home = Back to the home page
error-400-title = Bad request
error-400-body = The request could not be understood. Check the form and try again.
error-403-title = Access denied
error-403-body = You are not allowed to do this.
error-csrf-body = This form has expired or does not come from this site. Reload the page and send it again.
error-blocked-body = Your account was blocked by the commune's staff: you can read the site, see, download or delete your data, but no longer contribute. To discuss it, write to the town hall.
error-404-title = Page not found
error-404-body = The page you asked for does not exist or has moved.
error-405-title = Method not allowed
error-405-body = This address does not accept this kind of request.
error-413-title = Upload too large
error-413-body = What you sent is larger than allowed.
error-fields-body = The form sent has too many fields (2,000 at most). Nothing was saved.
error-500-title = Server error
error-500-body = Something unexpected went wrong. Please try again in a moment.
error-503-title = Service unavailable
error-503-body = The site is not configured correctly at the moment. Its administrators have been told.
error-busy-body = The site is very busy right now and what you sent was not saved. Nothing was changed: go back and send it again in a few seconds.
error-newer-schema-body = The site is being updated: it cannot save anything right now, and nothing you sent was saved. Go back and try again in a few minutes; you can keep reading the pages.
error-mail-origin-body = This site cannot send mail with a link yet: its public address (base_url) is not configured. Nothing was saved. Please tell the commune; you can try again as soon as it has been set.
error-pending-title = Already being sent
error-pending-body = This form was already sent and is still being processed. It will be saved only once: wait a few seconds, then reload the page.
error-done-title = Already taken into account
error-done-body = This form was already sent and saved; it was not saved a second time. There is nothing else to do: go back to the previous page and reload it to see the result.
date-long = { $month } { $day }, { $year }
date-month = { $month } { $year }
date-short = { $month } { $day }
date-time = { $date } at { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
nav-login = Log in
nav-logout = Log out
form-has-errors = The form has errors
form-conflict-title = Changed in the meantime
form-conflict-body = Someone else saved this content after you opened this form. Your version was not saved, so as not to erase theirs: what you typed is below. Compare it with the published version, then save again if you wish.
field-required-mark = (required)
field-required = This field is required.
field-too-long = This text is too long.
field-invalid-email = Enter a valid email address, for example name@example.org.
field-invalid-characters = This text contains characters that are not allowed.
password-too-short = The password must be at least 8 characters long.
password-too-long = The password must not be longer than 128 characters.
password-too-common = This password is one of the most common ones. Choose another.
password-mismatch = The two passwords are not the same.
password-hint = At least 8 characters. A sentence you can remember works well.
field-email = Email address
field-password = Password
field-password-confirm = Confirm the password
field-display-name = Display name
field-commune-name = Name of the commune
field-default-locale = Default language of the site
setup-title = Setting up the platform
setup-intro = Welcome! Enter the name of your commune and create the first administrator account. This page disappears once the setup is done.
setup-admin-heading = First administrator account
setup-submit = Finish the setup
login-title = Log in
login-submit = Log in
login-failed = Wrong email address or password.
error-429-title = Too many attempts
error-429-wait = You have made too many attempts in a short time. You can try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
  }, at { $time }.
error-429-kept = What you typed is kept on this page (except passwords): once the wait is over, send it again.
error-429-retry = Send again
error-429-body = You have made too many attempts in a short time. Try again in a few minutes.
email-taken = An account already uses this email address.
field-invalid-choice = Choose one of the options offered.
field-out-of-range = Enter a whole number within the limits shown.
field-too-few-options = Give at least two choices, one per line.
nav-signup = Sign up
signup-title = Create an account
signup-intro = An account lets you follow consultations, debate, answer questionnaires and put forward your ideas.
field-accept-terms = I have read and accept the terms of use
terms-link = Read the terms of use
must-accept = You must accept the terms of use to create an account.
signup-submit = Create my account
signup-have-account = Already have an account?
login-no-account = No account yet?
signup-sent-title = Check your mailbox
signup-sent-body = If this address can be used, a message has just been sent to it. Open the link it contains to activate your account: it is valid for 48 hours.
mail-confirm-subject = Activate your account on { $site }
mail-confirm-body = Hello { $name }, thank you for signing up. To activate your account, open the link below. If you did not ask for this, ignore this message.
mail-confirm-action = Activate my account
mail-existing-subject = Sign-up attempt on { $site }
mail-existing-body = Someone, maybe you, tried to create an account with this address, which already has one. If you forgot your password, you can reset it from the login page. Otherwise, ignore this message.
confirm-failed-title = Invalid or expired link
confirm-failed-body = This activation link is no longer valid: it may have been used already or have expired. Log in, or sign up again to receive another one.
login-unconfirmed = Your email address is not confirmed yet. Open the link you received by mail to activate your account.
reset-title = Forgotten password
reset-intro = Enter the email address of your account: we will send you a link to choose a new password.
reset-submit = Send me the link
reset-sent-title = Check your mailbox
reset-sent-body = If an account uses this address, a message has just been sent to it. The link it contains is valid for one hour and works only once.
reset-new-title = Choose a new password
reset-new-submit = Save the password
reset-failed-body = This reset link is no longer valid: it may have been used already or have expired (it is valid for one hour). Ask for a new one.
mail-reset-subject = Resetting your password on { $site }
mail-reset-body = Hello, a password reset was asked for your account. Open the link below within the hour to choose a new password. If you did not ask for this, ignore this message: your password does not change.
mail-reset-action = Choose a new password
mail-security-subject = Security of your account on { $site }
mail-security-password = Hello, the password of your account has just been changed.
mail-security-2fa-enabled = Hello, two-step verification has just been turned on for your account.
mail-security-2fa-disabled = Hello, two-step verification has just been turned off for your account.
mail-security-not-you = If this was you, there is nothing to do. Otherwise, choose a new password now with the link below: it will end every open session.
mail-security-action = Choose a new password
gate-mail-sign-ins-subject = Sign-in attempts on your account at { $site }
gate-mail-sign-ins-body = Hello, someone has tried many times to sign in to your account without the right password. These attempts are paused for a while; from your usual device you can still sign in, unless the attempts come from a great many places at once.
gate-mail-sign-ins-advice = If it was you, there is nothing to do. Otherwise, your password was not found; to be safer, choose a long and unique one.
gate-mail-sign-ins-action = Choose a new password
login-forgot = Forgotten password?
password-title = Change password
password-intro = Your other open sessions (on other devices) will be closed.
field-current-password = Current password
field-new-password = New password
current-password-wrong = The current password is wrong.
password-submit = Change the password
password-changed-title = Password changed
password-changed-body = Your password has been changed. Your other sessions have been closed.
nav-my-account = My account
account-title = My account
account-intro = Manage your profile, your password and your data.
profile-title = My profile
field-bio = Short introduction
bio-hint = Optional, 1,000 characters at most. Other participants can see it.
field-language = Preferred language
language-site-default = Language of the site
notifications-heading = Email notifications
field-notify-followed = Tell me about news of the consultations I follow
field-notify-news = Tell me about the commune's news
profile-submit = Save
profile-saved = Your profile has been saved.
data-title = My data
data-download = Download my data
data-page-intro = Here is everything the platform keeps about you, by kind of data, with why and for how long. Dates are in the commune's time.
data-json-hint = The JSON file holds the same data, complete, to take it elsewhere (portability).
data-kept-title = What is kept
data-summary = { $count ->
    [0] Nothing is kept about you beyond your account.
    [one] One kind of data concerns you.
   *[other] { $count } kinds of data concern you.
} Open one to read it.
data-count = { $count ->
    [one] 1 item
   *[other] { $count } items
}
data-more = The next { $count } are in the JSON file.
data-rights = You may correct your profile or delete your account at any time:
data-table-users = Your account
data-about-users = What identifies you and your settings. Kept as long as the account exists.
data-table-audit_log = Security log
data-about-audit_log = Sign-ins and sensitive actions on your account, with the IP address, kept for everyone's security for the time the commune sets.
data-table-email_tokens = Links sent by email
data-about-email_tokens = The links confirming your address or resetting your password (never the link itself).
data-table-recovery_codes = Recovery codes
data-about-recovery_codes = The recovery codes of two-step verification, and when they were used (never the codes themselves).
data-table-login_challenges = Sign-in steps
data-about-login_challenges = The second sign-in steps your account was asked for.
data-table-idempotency_keys = Forms sent
data-about-idempotency_keys = The forms you sent in the last 24 hours, kept so that a double click counts once.
data-table-ended_sessions = Ended sessions
data-about-ended_sessions = Sessions you ended (signing out), kept until they would have expired.
data-table-mail_outbox = Emails
data-about-mail_outbox = The emails the platform sent you or is about to send.
data-table-notifications = Notifications
data-about-notifications = The notifications you received on the site, and when you read them.
data-table-follows = Follows
data-about-follows = The processes, debates and people you follow.
data-table-comment_reports = Your reports
data-about-comment_reports = The contributions you reported to the moderators, with the reason given.
data-table-comment_reports_resolved_by = Reports you handled
data-about-comment_reports_resolved_by = The reports you handled as a moderator.
data-table-comments = Your comments
data-about-comments = Your written contributions. They stay public if you delete your account, under "deleted participant".
data-table-comment_reactions = Your reactions
data-about-comment_reactions = Your "agree" and "disagree" on other people's comments.
data-table-opinion_statements = Your statements
data-about-opinion_statements = The statements you proposed on opinion maps.
data-table-opinion_votes = Your votes on statements
data-about-opinion_votes = Your agree, disagree or pass votes on opinion maps.
data-table-opinion_ballots = Your opinion-map participation
data-about-opinion_ballots = How many votes you gave per debate, which places your point on the map.
data-table-discussions = Debates you opened
data-about-discussions = The debates opened from your account (the commune's staff).
data-table-proposals = Your proposals
data-about-proposals = Your proposals, drafts included. Published ones stay if you delete your account; drafts are erased.
data-table-proposal_supports = Your supports
data-about-proposal_supports = The proposals you support.
data-table-proposal_answers = Official answers written
data-about-proposal_answers = The commune's answers written from your account (staff).
data-table-proposal_milestones = Follow-up steps written
data-about-proposal_milestones = The progress steps of proposals written from your account (staff).
data-table-proposal_amendments = Your amendments
data-about-proposal_amendments = The changes you suggested to other people's proposals.
data-table-answers = Your answers to questions
data-about-answers = What you answered, question by question. Answers stay, unlinked from you, if you delete your account.
data-table-responses = Your questionnaires
data-about-responses = The questionnaires you started or sent.
data-table-questionnaires = Questionnaires you created
data-about-questionnaires = The questionnaires created from your account (staff).
data-table-process_reports = Reports saved
data-about-process_reports = The process reports you saved last (staff).
data-table-process_participants = Processes you took part in
data-about-process_participants = The processes you contributed to: they count you among their participants.
data-table-activity = Your public activity
data-about-activity = What the site's activity feed shows of your contributions.
data-table-images = Images uploaded
data-about-images = The images you uploaded, with their text alternative.
data-col-at = Date
data-col-action = Action
data-col-ip = IP address
data-col-purpose = Purpose
data-col-created_at = Created
data-col-expires_at = Expires
data-col-used_at = Used
data-col-id = Number
data-col-path = Page
data-col-claimed_at = Sent
data-col-ended_at = Ended
data-col-to_email = To
data-col-kind = Kind
data-col-subject = Subject
data-col-status = Status
data-col-sent_at = Sent
data-col-activity_id = Event
data-col-read_at = Read
data-col-target_kind = Followed
data-col-target_id = Number followed
data-col-comment_id = Comment
data-col-reason = Reason
data-col-resolution = Decision
data-col-resolved_at = Handled
data-col-resource = On
data-col-resource_id = Number
data-col-parent_id = In reply to
data-col-body = Text
data-col-stance = Stance
data-col-edited_at = Edited
data-col-deleted_at = Withdrawn
data-col-reaction = Reaction
data-col-process_id = Process
data-col-published_at = Published
data-col-updated_at = Updated
data-col-title = Title
data-col-url = Address
data-col-alt = Text alternative
data-col-content_type = Format
data-col-email = Email address
data-col-display_name = Display name
data-col-role = Role
data-col-locale = Language
data-col-bio = About you
data-col-notify_followed = Told of what you follow
data-col-notify_news = Told of the news
data-col-email_confirmed_at = Address confirmed
data-col-totp_enabled_at = Two-step since
data-col-discussion_id = Debate
data-col-statement_id = Statement
data-col-vote = Vote
data-col-votes = Votes
data-col-slug = Address
data-col-question = Question
data-col-state = Publication
data-col-address = Postal address
data-col-latitude = Latitude
data-col-longitude = Longitude
data-col-image_id = Image
data-col-proposal_id = Proposal
data-col-on_date = Date
data-col-percent = Progress (%)
data-col-question_id = Question
data-col-value = Answer
data-col-questionnaire_id = Questionnaire
data-col-submitted_at = Sent
delete-title = Delete my account
delete-intro = Your personal information will be erased and all your sessions closed. Your public contributions stay visible under the name “deleted participant”. This cannot be undone.
delete-submit = Delete my account for good
deleted-title = Account deleted
deleted-body = Your account has been deleted and your personal information erased. Thank you for taking part.
deleted-participant = Deleted participant
field-totp-code = 6-digit code
totp-title = Two-step verification
totp-intro = Enter the code shown by your authenticator app, or one of your recovery codes.
totp-enrol-title = Turn on two-step verification
totp-required-intro = The commune requires two-step verification for staff accounts. Scan this code with an authenticator app, then enter the code it shows.
totp-qr-label = QR code to scan with an authenticator app
totp-secret-label = Or type this key:
totp-enable-submit = Turn on
totp-disable-submit = Turn off two-step verification
totp-settings-title = Two-step verification
totp-off-intro = Protect your account: scan this code with an authenticator app, then enter the code it shows.
totp-on-intro = Two-step verification is on. To turn it off, enter a code from your app.
totp-disabled-body = Two-step verification is off.
totp-recovery-title = Your recovery codes
totp-recovery-intro = Write these codes down and keep them safe: each lets you sign in once if you lose your phone. They will not be shown again.
totp-expired-title = Verification expired
totp-expired-body = This sign-in step has expired or was already used. Please log in again.
wrong-code = This code is not valid. Check your phone's clock and try again.
security-title = Platform security
security-intro = Security settings that apply to the whole staff of the commune.
field-require-staff-2fa = Require two-step verification for moderators and administrators
reset-done-login-body = Your password has been changed. Log in with the new password.

## Processes (concertations)
processes-title = Consultations
processes-intro = The projects the commune is consulting you on: under way, coming up and closed.
processes-empty = No consultation is published yet.
process-status-upcoming = Coming up
process-status-open = Under way
process-status-closed = Closed
process-draft = Draft (visible to staff only)
process-scope-commune = The whole commune
process-dates-from = From
process-dates-to = to
process-progress = Time elapsed: { $percent } %
process-participants = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
process-contributions = { $count ->
    [one] { $count } contribution
   *[other] { $count } contributions
}
process-figures = Key figures
process-elapsed = of the time elapsed
process-participants-label = { $count ->
    [one] participant
   *[other] participants
}
process-contributions-label = { $count ->
    [one] contribution
   *[other] contributions
}
process-about = The project
process-take-part = Take part
process-open-tools = In the current phase, you can:
process-no-open-tools = Nothing is open for participation right now: see the phases below.
process-phases = Phases
phase-tools = Participation:
process-ical = Add the phases to my calendar (iCal)
process-no-phases = The phases will be published soon.
tool-discussion = Discuss
tool-questionnaire = Answer the questionnaire
tool-proposal = Submit and support proposals
field-invalid-date = Choose a date that exists, for example March 1, 2026.
field-end-before-start = The end date must come after the start date.
field-outside-process = The phase's dates must lie within the consultation's dates.
field-invalid-slug = The address may only contain lowercase letters without accents, digits and dashes.
field-slug-taken = This address is already used.
field-invalid-color = Enter a colour as #RRGGBB, for example #1d4e89.
field-contrast-too-low = The contrast with white is too low (at least 4.5:1 for level AA).
news-title = News
news-feed = Subscribe to the news feed (Atom)
news-back = All news
pagination = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page { $page } of { $pages }
## Back-office
nav-admin = Administration
admin-title = Administration
admin-setup-title = To configure
admin-setup-base-url = The site's public address (the base_url variable, for example https://participate.town.example) is not configured: no mail with a link (sign-up, forgotten password, invitation) can be sent. See docs/DEPLOY.md.
admin-back-to-index = Back to the administration
admin-saved = The changes were saved.
admin-save = Save
admin-view-public = See the public page
admin-view-home = See the home page
admin-list-empty = Nothing yet.
admin-status-draft = Draft
admin-status-published = Published
admin-col-title = Title
admin-col-status = Status
admin-col-published = Published
admin-col-address = Address
admin-col-updated = Updated
admin-col-dates = Dates
admin-col-name = Name
admin-col-tools = Participation
admin-field-title = Title
admin-field-slug = Page address
admin-field-slug-hint = Lowercase letters without accents, digits and dashes. Leave empty to make it from the title.
admin-field-summary = Summary
admin-field-body = Text
admin-field-markdown-hint = Markdown formatting: **bold**, *italics*, lists with "- ", links [text](https://…). HTML is shown as typed.
admin-field-status = Status
admin-field-scope = Area concerned
admin-field-starts = Start date
admin-field-ends = End date
admin-field-date-hint = Included: opens at midnight and closes at the next midnight, in the commune's time.
admin-field-name = Name
admin-field-description = Description
admin-field-tagline = Tagline
admin-field-intro = Welcome text
admin-field-zone = Time zone
admin-field-zone-hint = Dates and times are shown in the commune's time, daylight saving included, and phases open and close at its midnight.
admin-field-primary = Main colour
admin-field-secondary = Second colour
admin-field-color-hint = Choose a colour dark enough for white text to stay readable on it (contrast of at least 4.5:1).
admin-block-hidden = Hidden
admin-block-hint = Position on the home page, or "Hidden".
admin-block-hero = "Header" block (title, tagline, welcome text)
admin-block-processes = "Consultations under way" block
admin-block-figures = "Key figures" block
admin-block-phases = "Next steps" block
admin-block-news = "Latest news" block
admin-site-title = Site identity and home page
admin-site-intro = The commune's name, its colours, and the home page's blocks in the chosen order.
admin-news-title = News
admin-news-intro = Write, publish and update news.
admin-news-new = New news item
admin-news-no-process = The whole commune
admin-field-news-process = Process
admin-field-news-process-hint = A process's news also shows on its page, and its followers are told.
process-news-title = News of this process
admin-news-edit = Edit the news item
admin-pages-title = Information pages
admin-pages-intro = About, how to take part, legal notice, privacy, terms of use, accessibility.
admin-pages-edit = Edit the page
admin-processes-title = Consultations
admin-processes-intro = Create consultations, their dates and their phases.
admin-processes-new = New consultation
admin-processes-edit = Edit the consultation
admin-phases-new = Add a phase
admin-phases-edit = Edit the phase
admin-phases-delete = Delete this phase
admin-phases-intro = A phase of "{ $process }", which runs from { $starts } to { $ends }.
field-phases-outside = Some phases fall outside these dates: change them first.
admin-current-image = Current image
admin-field-image = Image
admin-field-image-hint = PNG, JPEG or WebP, 2 MB at most.
admin-field-image-alt = Text alternative of the image
admin-field-image-alt-hint = What the image shows, for people who cannot see it. Required with an image.
admin-field-image-remove = Remove the current image
admin-field-logo = Logo
admin-field-favicon = Site icon (favicon)
field-image-too-large = The image is larger than 2 MB.
field-image-type = Choose a PNG, JPEG or WebP image.
field-image-broken = This file is not a readable image.
nav-notifications = { $count ->
    [0] Notifications
    [one] Notifications (1 unread)
   *[other] Notifications ({ $count } unread)
}
notifications-title = Notifications
notifications-mark-read = Mark all as read
notifications-new = New:
notifications-empty = No notifications yet.
notifications-how = Follow a consultation or a person to hear about what happens there. You can set these notifications in your profile.
follow = Follow
unfollow = Stop following
follow-login = Log in to follow
followers-count = { $count ->
    [0] Nobody follows yet
    [one] 1 person follows
   *[other] { $count } people follow
}
profile-since = Member since { $date }
profile-activity = Activity
profile-no-activity = No public activity yet.
profile-edit-mine = Edit my profile
process-activity = Latest from this consultation
home-activity-heading = Latest activity
home-activity-empty = Nothing new yet.
admin-block-activity = "Latest activity" block
activity-phase-opened = Phase open:
activity-vote-opened = Voting is open:
activity-phase-added = New phase announced:
activity-process-published = New consultation:
activity-news-published = News:
search-title = Search
search-label = Search consultations, news and pages
search-placeholder = Search…
search-submit = Search
search-count = { $count ->
    [0] No results for "{ $q }".
    [one] 1 result for "{ $q }".
   *[other] { $count } results for "{ $q }".
}
search-capped = Among proposals, the { $count } most recent matches are ranked: add a word to narrow the search.
search-shortened = Your search was shortened: only its first { $words } words (and { $chars } characters at most) are searched for.
search-kind-process = Consultation
search-kind-news = News
search-kind-page = Page
translation-missing = This content is not translated into your language yet: it is shown in { $language }.
language-name-fr = French
language-name-en = English
language-name-de = German
admin-translations = Translations
admin-translation-title = { $language } translation: "{ $item }"
admin-translation-intro = Leave a field empty to show the text in the site's default language.
ranking-title = How the "best" order is computed
ranking-intro = When you sort contributions by "best", each one earns points for what it drew, and those points shrink with time so that new ones get their chance. The formula is public and the same for everyone.
ranking-points-heading = The points
ranking-up = each "for" reaction: + { $points } point
ranking-down = each "against" reaction: − { $points } point
ranking-reply = each reply: + { $points } point, for { $cap } replies at most
ranking-impact = the "impact" badge the commune gives (the contribution changed the project): + { $points } points
ranking-age = points are halved after { $days } days, divided by three after twice that, and so on
ranking-example-heading = An example
ranking-example = A week-old contribution with 12 "for", 2 "against" and 4 replies has { $points } points; with its age, its score is { $score }.
ranking-never-heading = What the order never uses
ranking-never = Nothing about the person who wrote it: not their name, role, district, seniority or number of contributions. On a tie, the newer comes first.
ranking-official = The commune's official answer is not scored: it is always shown first.
ranking-source = The formula is in Palabre's free source code (crates/domain/src/ranking.rs): this page shows its exact values.
ranking-proposal-heading = The proposals' “Best” order
ranking-proposal-intro = It weighs supports against freshness, so new proposals get their chance without the most supported ones disappearing. It depends only on the number of supports and the publication date: nobody can tune it by hand.
ranking-proposal-supports = Supports: the base-ten logarithm of the number of supports plus one (drawn straight between 1, 10, 100…); ten times more supports give one point.
ranking-proposal-age = Freshness: each { $days } days of more recent publication also give one point.
ranking-proposal-example = Example: a proposal with 9 supports ranks level with one without support published { $days } days later; with 99 supports, level with one without support published { $twice } days later. On a tie, the more recent comes first.
footer-transparency = Transparency
footer-open-data = Open data
nav-discussions = Discussions
discussions-title = Discussions
discussions-intro = The questions the commune puts to you: give your view, answer others, support the best contributions.
discussions-empty = No discussion is published yet.
discussion-comments = { $count ->
    [0] No contributions
    [one] 1 contribution
   *[other] { $count } contributions
}
discussion-closed = This discussion is not open: contributions are not possible right now.
comments-title = Contributions
comments-pagination = Pages of contributions
comments-empty = No contributions yet: be the first to answer.
comment-add = Give my view
comment-field-stance = My position
comment-field-body = My view
comment-field-body-hint = 5,000 characters at most. Markdown formatting is possible.
comment-send = Publish
comment-login = Log in to take part
comment-withdrawn = Contribution withdrawn by its author.
comment-edited = edited
comment-hidden = Hidden (awaiting moderation)
comment-reactions = { $up } agree · { $down } disagree
react-up = Agree
react-down = Disagree
comment-edit = Edit
comment-edit-title = Edit my contribution
comment-edit-hint = You can edit a contribution for 15 minutes after publishing it.
comment-save = Save
comment-withdraw-confirm = Withdraw this comment? Its text disappears for everyone; the replies stay.
comment-withdraw-yes = Yes, withdraw
comment-withdraw = Withdraw
comment-report = Report
comment-report-reason = Why are you reporting this contribution?
comment-report-send = Send the report
comment-reported = Thank you: the moderators will look at this report.
comment-held = Thank you! Your contribution contains a word the commune has reviewed: it will show once a moderator has read it.
comment-reply = Reply
comment-reply-label = My reply
comment-reply-send = Publish the reply
comment-badge = Badge
comment-badge-set = Apply
comment-hide = Hide
comment-show = Restore
comment-too-deep = Replies cannot go any deeper in this thread: reply to the message above.
comment-own-reaction = You cannot react to your own contribution.
comment-edit-too-late = The 15 minutes to edit this contribution are over.
stance-for = For
stance-against = Against
stance-neutral = Neutral
stance-none = I'd rather not say
stance-all = All
stance-filter = Filter by position
stance-count-for = { $count } for
stance-count-against = { $count } against
stance-count-neutral = { $count } neutral
sort-label = Sort
sort-best = Best
sort-newest = Newest
sort-oldest = Oldest
sort-how = How this order is computed
badge-none = None
badge-official = Official answer
badge-impact = Impact
activity-comment = Contribution:
activity-reply = Reply:
search-kind-discussion = Discussion
tool-discussion-heading = Discussions
tool-questionnaire-heading = Questionnaires
tool-proposal-heading = Proposals
admin-discussions-title = Discussions
admin-discussions-intro = Put a question to residents, within a consultation or on its own.
admin-discussions-new = New discussion
admin-discussions-edit = Edit the discussion
admin-col-question = Question
admin-field-question = Question asked
admin-field-context = Context
admin-field-process = Consultation
admin-no-process = None (a discussion on its own)
activity-official-answer = The commune answered:

## Opinion map, following a discussion, citizens opening discussions
admin-field-opinion-map = Opinion map
admin-field-opinion-map-hint = Participants submit short statements and vote agree, disagree or pass; the map shows the groups of opinion and the points of consensus.
admin-field-citizen-discussions = Residents may open discussions
admin-field-citizen-discussions-hint = During a phase where the discussion tool is open, anyone signed in may ask a question.
field-duplicate = This text has already been submitted.
field-invalid-location = Give a latitude between -90 and 90 and a longitude between -180 and 180 (for example 47.3968 and 0.9842), or leave both empty.
opinion-title = Opinion map
opinion-title-of = Opinion map: { $question }
opinion-callout = Vote on short statements and see the groups of opinion and what brings people together.
opinion-open = Vote and see the map
opinion-how = Each statement is shown on its own: say whether you agree, disagree, or pass. You may also submit your own (140 characters at most), published once moderators have read it. The map groups people who vote alike; it shows no names.
opinion-vote-title = Vote
opinion-statement = Statement
opinion-progress = { $voted ->
    [0] No votes from you yet
    [one] 1 vote from you
   *[other] { $voted } votes from you
} · { $left ->
    [0] no statement left to vote on
    [one] 1 statement left
   *[other] { $left } statements left
}
vote-agree = Agree
vote-disagree = Disagree
vote-pass = Pass
opinion-all-voted = You have voted on every statement. Come back later: others will be submitted.
opinion-login = Sign in to vote and submit statements.
statement-add = Submit a statement
statement-field = Your statement
statement-field-hint = One short, clear sentence, 140 characters at most, that people can agree or disagree with.
statement-send = Submit
statement-sent-pending = Thank you! Your statement will be put to the vote once moderators have read it.
statement-sent-accepted = The statement is published and put to the vote.
statement-mine-pending = Your statements awaiting moderation
statement-queue = Statements to review
statement-accept = Publish
statement-reject = Reject
statement-own-vote = You cannot vote on your own statement.
statement-vote-choice = Choose “Agree”, “Disagree” or “Pass”.
statement-decision-choice = Choose to publish or to reject the statement.
opinion-map-title = The map
opinion-map-desc = Each dot is a person; people close together vote alike. The letters name the groups described in the table below.
opinion-map-caption = Each dot is a person, placed by their votes; the circled dot is you.
opinion-updated = Map computed on { $date } at { $time }, recomputed at most once a minute after new votes.
opinion-summary = { $placed ->
    [one] 1 person
   *[other] { $placed } people
} on the map, in { $groups } groups of opinion.
opinion-you-are-in = You are in group { $letter }.
opinion-group = Group { $letter }
opinion-group-size = { $count ->
    [one] 1 person
   *[other] { $count } people
}
opinion-groups-title = What sets each group apart
opinion-col-group = Group
opinion-col-people = People
opinion-col-distinctive = Statements that set it apart
opinion-none = Nothing notable
opinion-share-agree = { $percent } % agree
opinion-share-disagree = { $percent } % disagree
opinion-consensus-title = Points of consensus
opinion-no-consensus = No statement brings every group together yet.
opinion-not-enough = The map will appear once at least { $people } people have each voted on { $votes } statements.
opinion-no-votes = No votes yet: the map will appear with the first votes.
opinion-statements-title = Every statement and its votes
activity-discussion-opened = New discussion:
discussion-new-title = Open a discussion
discussion-new-intro = Ask the other residents a question. It is published at once and stays open until the end of the current phase; moderators may withdraw it if it breaks the terms of use.
discussion-new-question = Your question
discussion-new-question-hint = 300 characters at most.
discussion-new-context = Context
discussion-new-context-hint = Optional. What others need to know to answer; Markdown formatting allowed.
discussion-new-submit = Publish the discussion
discussion-new-link = Open a discussion in this process
discussion-badges = { $official ->
    [0] no official answer
    [one] 1 official answer
   *[other] { $official } official answers
}, { $impact ->
    [0] no contribution that changed the project
    [one] 1 contribution that changed the project
   *[other] { $impact } contributions that changed the project
}

## Questionnaires
nav-proposals = Proposals
nav-questionnaires = Questionnaires
search-kind-questionnaire = Questionnaire
activity-questionnaire-answered = Answered the questionnaire:
activity-questionnaire-published = New questionnaire:
percent = { $value } %
questionnaires-title = Questionnaires
questionnaires-empty = No questionnaire yet.
questionnaire-responses = { $count ->
    [0] No responses
    [one] 1 response
   *[other] { $count } responses
}
questionnaire-size = { $sections ->
    [one] 1 part
   *[other] { $sections } parts
}, { $questions ->
    [one] 1 question
   *[other] { $questions } questions
}.
questionnaire-anonymous = Your answers are anonymous: they are linked to no account. A token kept in your browser only lets you resume your answers and avoid answering twice.
questionnaire-anonymous-short = Anonymous
questionnaire-signed = One response per registered person. Your answers are saved part by part: you can stop and resume later.
questionnaire-start = Answer
questionnaire-resume = Resume my answers
questionnaire-already = You have already answered this questionnaire. Thank you!
questionnaire-not-open = This questionnaire is not open at the moment.
questionnaire-login = Sign in to answer.
questionnaire-results = See the results
questionnaire-open-data = Open data (JSON)
questionnaire-export-csv = Export the responses (CSV)
questionnaire-export-json = Export the responses (JSON)
questionnaire-progress = Part { $current } of { $total }
questionnaire-previous = Previous part
questionnaire-next = Save and continue
questionnaire-send = Send my answers
questionnaire-saved-as-you-go = Your answers are saved at each part.
questionnaire-done-title = Thank you for your answers
questionnaire-done = Your answers have been recorded.
receipt-ask = Send me a copy of my answers by email
receipt-subject = Your answers: { $title }
receipt-intro = Here is a copy of your answers to the questionnaire “{ $title }”.
receipt-action = See the questionnaire again
answer-required = Answer this question.
answer-too-long = This text is too long ({ $max } characters at most).
answer-invalid-choice = Choose one of the answers offered.
answer-other-missing = Specify your “Other” answer.
answer-too-few = Choose at least { $min } answers.
answer-too-many = Choose at most { $max } answers.
answer-not-a-number = Enter a number, for example 12 or 3.5.
answer-out-of-range = Choose a value from { $min } to { $max }.
answer-below-min = Enter a number greater than or equal to { $min }.
answer-above-max = Enter a number less than or equal to { $max }.
answer-ranking-incomplete = Rank every answer, or none.
answer-ranking-repeated = Each rank can be given only once.
answer-row-missing = Answer for every row.
answer-bounds-both = Choose { $min } to { $max } answers.
answer-bounds-min = Choose at least { $min } answers.
answer-bounds-max = Choose at most { $max } answers.
answer-number-between = A number from { $min } to { $max }.
answer-ranking-hint = Give rank 1 to your first choice, 2 to the next, and so on.
answer-yes = Yes
answer-no = No
answer-other = Other
answer-other-specify = Please specify
results-title = Results: { $title }
results-private = Only the commune's staff can see these results for now.
results-anonymous-note = This questionnaire is anonymous: anyone could answer without an account. These results show the answers received, not a number of people: one person may have answered several times from other browsers. They inform a decision; they are not a vote.
results-answered = { $count ->
    [0] Nobody answered this question
    [one] 1 person answered
   *[other] { $count } people answered
}
results-multiple-note = several answers allowed: each answer is counted, so the percentages add up to more than 100 %
results-col-answer = Answer
results-col-count = Count
results-table-show = See the figures as a table
results-col-share = Share of the people who answered
results-col-value = Value
results-col-measure = Measure
results-col-month = Month
results-col-borda = Borda score
results-col-first = Ranked first
results-mean-median = Mean { $mean }, median { $median }.
results-mean = Mean
results-median = Median
results-min = Minimum
results-max = Maximum
results-borda = Borda score: { $points } points for a first place, one less for each next place, 0 for the last.
results-texts-link = Read the free-text answers
results-texts-search = Search the answers
results-texts-count = { $count ->
    [0] No answers
    [one] 1 answer
   *[other] { $count } answers
}
open-data-licence = Licence Ouverte / Open Licence 2.0 (Etalab)
questionnaire-new-title = New questionnaire
questionnaire-settings-title = Questionnaire settings
questionnaire-builder-title = Build the questionnaire
questionnaire-builder-of = Build: { $title }
questionnaire-preview = Preview
questionnaire-preview-of = Preview: { $title }
questionnaire-preview-note = A preview of every part and question, nothing saved. Conditions are shown under the questions they apply to.
questionnaire-version = Version { $version }
questionnaire-locked-title = Questions fixed
questionnaire-locked = People have started answering: parts and questions can no longer change. Publish a new version to change them.
questionnaire-anonymous-locked = Responses exist: the anonymous mode can no longer change.
questionnaire-new-version = Create a new version
questionnaire-section-title = Questionnaire part
questionnaire-question-new = Add a question
questionnaire-question-edit = Edit the question
questionnaire-field-title = Title
questionnaire-field-intro = Introduction
questionnaire-field-anonymous = Anonymous answers
questionnaire-field-anonymous-hint = Anyone can answer without an account; no answer is linked to a person. What this does not guarantee: one answer per person. A token per browser avoids accidental duplicates, and at most 60 answers a minute come from one address, but someone determined can answer several times (another browser, another address). For a question that binds the commune, untick this: only signed-in residents will answer, once each. Cannot change once answers have arrived.
questionnaire-field-results-public = Public results
questionnaire-field-results-from = Results public from
questionnaire-field-results-from-hint = Optional. Empty: at once, if the results are public.
questionnaire-field-open-data-text = Include free-text answers in the open data
questionnaire-field-open-data-text-hint = Only tick this if free-text answers hold no personal data.
questionnaire-field-section = Part
questionnaire-field-section-title = Part title
questionnaire-field-section-description = Part introduction
questionnaire-field-kind = Question type
questionnaire-field-label = Question
questionnaire-field-help = Help
questionnaire-field-required = Answer required
questionnaire-field-options = Choices offered
questionnaire-field-options-hint = One per line, at least two.
questionnaire-field-rows = Grid rows
questionnaire-field-rows-hint = One per line: the items rated in each column.
questionnaire-field-columns = Columns of the grid
questionnaire-field-columns-hint = One per line, at least two: the answer chosen for each row (for example "Often", "Sometimes", "Never").
questionnaire-field-kind-hint = The form shows this kind's settings. To change the kind, choose it and save: the new kind's settings appear if some are missing.
questionnaire-field-min-hint-multiple = How many answers must be ticked at least (empty: no minimum).
questionnaire-field-max-hint-multiple = How many answers may be ticked at most (empty: all).
questionnaire-field-min-hint-number = The smallest value accepted (empty: no limit).
questionnaire-field-max-hint-number = The largest value accepted (empty: no limit).
questionnaire-field-max-hint-scale = The top mark, 2 to 10 (5 if empty).
questionnaire-field-other = Offer “Other, please specify”
questionnaire-field-min = Minimum
questionnaire-field-max = Maximum
questionnaire-field-min-label = Label of the scale's low end
questionnaire-field-max-label = Label of the scale's high end
questionnaire-field-condition = Show only if
questionnaire-field-condition-hint = The question appears only when an answer in an earlier part was chosen.
condition-none = Always show
condition-text = Shown if Q{ $n } = “{ $option }”
condition-broken = Condition on a deleted question
kind-short_text = Short text
kind-long_text = Long text
kind-single = Single choice
kind-multiple = Multiple choice
kind-scale = Linear scale
kind-ranking = Ranking
kind-matrix = Grid (rows × choices)
kind-number = Number
kind-date = Date
kind-yes_no = Yes / no
builder-add-section = Add a part
builder-first-section = Part 1
builder-question-kind = Kind of the new question
builder-edit-section = Edit the part
builder-delete-section = Delete the part…
builder-delete-section-confirm = The part and all its questions will be deleted.
builder-delete = Delete…
builder-delete-confirm = Confirm the deletion
builder-up = Move up
builder-down = Move down
builder-col-actions = Actions
builder-no-questions = No question in this part.
tool-discussion-count = { $count ->
    [0] No contributions
    [one] 1 contribution
   *[other] { $count } contributions
}
tool-questionnaire-count = { $count ->
    [0] No responses
    [one] 1 response
   *[other] { $count } responses
}
tool-proposal-count = { $count ->
    [0] No supports
    [one] 1 support
   *[other] { $count } supports
}
admin-questionnaires-intro = Build questionnaires, follow the responses, publish the results and export the data.

## Proposals
pagination-label = Pages
search-kind-proposal = Proposal
activity-proposal-published = New proposal:
activity-proposal-threshold = Support threshold reached:
activity-proposal-answered = The commune answered the proposal:
proposals-all-title = All proposals
proposals-all-intro = Residents' ideas, in every consultation. Support the ones you care about.
proposal-new-in = Submit a proposal: { $process }
proposal-filters-title = Sort and filter
proposal-field-process = Consultation
proposal-not-open-title = Proposals are not open
proposal-opens-on = In “{ $process }”, proposals open on { $date }. Come back from that day: you can already follow the consultation.
proposal-submissions-closed = In “{ $process }”, proposals are closed. You can still read and comment on the proposals submitted.
proposals-of = Proposals: { $process }
proposals-empty = No proposal matches.
proposal-new-title = Submit a proposal
proposal-form-intro = Your proposal is first saved as a draft only you can see: you will see similar proposals before publishing it.
proposal-save-draft = Save the draft
proposal-field-title = Title
proposal-field-title-hint = 150 characters at most.
proposal-field-body = Your proposal
proposal-field-category = Topic
proposal-field-district = District
proposal-field-address = Address
proposal-field-address-hint = Optional: where your proposal is.
proposal-field-latitude = Latitude
proposal-field-longitude = Longitude
proposal-field-location-hint = Optional: the place's coordinates (for example 47.392 and 0.688).
proposal-no-category = No topic
proposal-draft = Draft
proposal-draft-title = Before publishing
proposal-draft-intro = Only you can see this draft. Check whether a similar proposal exists: supporting it gives it more weight.
proposal-delete = Delete this draft
proposal-delete-confirm = Delete this draft? Its text, image and address are erased; nothing was published.
proposal-delete-yes = Yes, delete
proposal-deleted = Draft deleted.
proposal-your-drafts = Your drafts (only you see them)
proposal-draft-edited = edited on { $date }
proposal-similar = Similar proposals
proposal-no-similar = No similar proposal was found.
proposal-publish = Publish the proposal
proposal-edit = Edit the draft
proposal-closed = Proposals cannot be submitted at the moment.
proposal-location = Place
proposal-location-osm = see on OpenStreetMap
proposal-supports-title = Supports
proposal-support = Support this proposal
proposal-field-body-hint = You can put words in **bold** or *italics*, and make a list by starting lines with "- ".
proposal-you-support = You support this proposal.
proposal-unsupport = Withdraw my support
proposal-support-login = Sign in to support this proposal.
proposal-supports-closed = Supports are not open for this proposal at the moment.
proposal-support-own = You cannot support your own proposal.
proposal-support-limit = You have already given your { $count } supports in this process: withdraw one to support this proposal.
proposal-threshold = threshold: { $count } supports
proposal-threshold-reached = Threshold reached
proposal-answers-title = The commune's answers
proposal-no-answer = The commune has not answered yet.
proposal-comments-closed = Comments are closed: the proposal period is over.
proposal-field-status = Status
proposal-field-answer = Public answer
proposal-field-answer-hint = Required for a rejection: the reason.
proposal-answer-send = Publish the answer
proposal-reason-required = Give the reason for the rejection.
proposal-export-csv = Export the proposals (CSV)
proposal-export-json = Export the proposals (JSON)
proposal-sort-label = Sort by
proposal-sort-newest = Newest
proposal-sort-supported = Most supported
proposal-sort-best = Best
proposal-sort-random = Random
proposal-map-open = See on the map
proposal-map-title = Map of proposals · { $process }
proposal-map-intro = Located proposals, the most supported first. The list below the map gives the same proposals.
proposal-map-list = Located proposals
proposal-map-empty = No proposal is located yet.
proposal-map-more = The { $shown } most supported proposals are shown; filter by status, topic or district to see the others.
proposal-sort-how = How the “Best” order is computed
proposal-filter-all = All
proposal-filter-mine = My proposals
proposal-filter-supported = The ones I support
proposal-filter-apply = Show
proposal-status-open = Open
proposal-status-review = Under review
proposal-status-accepted = Accepted
proposal-status-rejected = Rejected
proposal-status-progress = In progress
proposal-status-done = Done
proposals-see-all = See all the proposals
amendments-title = Amendments
amendments-none = No amendment suggested.
amendment-add = Suggest an amended version
amendment-field = Amended text
amendment-field-hint = Change the proposal's text; its author will accept or reject your version.
amendment-send = Suggest this amendment
amendment-accept = Accept
amendment-reject = Reject
amendment-pending = Waiting for the author
amendment-accepted = Accepted
amendment-rejected = Rejected
amendment-own = Edit your draft rather than amending your own proposal.
amendment-same = The amended text is the same as the current one.
activity-amendment-proposed = Amendment suggested:
activity-amendment-accepted = Amendment accepted:
activity-amendment-rejected = Amendment rejected:
proposal-open-data = The proposals' open data (JSON)

# Maps (kit::map)
map-attribution = OpenStreetMap contributors
map-label = Map of located proposals
map-pick = Click the map to locate your proposal, or move the map and use the button below.
map-here = Place at the centre of the map
map-locate = Find the address on the map
map-found = Address found. Check the point on the map and move it if needed.
map-not-found = Address not found. Place the point on the map.
map-coordinates = Type the coordinates
map-place = Where the proposal is

# Moderation (admin)
moderation-title = Moderation
moderation-intro = Reported contributions, with the reasons: hide, restore or dismiss.
moderation-threshold = A contribution reported { $count ->
    [one] once
   *[other] { $count } times
} is hidden until you decide.
moderation-done-hidden = { $count ->
    [one] { $count } contribution hidden: its author is told, with the reason if one was given.
   *[other] { $count } contributions hidden: their authors are told, with the reason if one was given.
}
moderation-done-restored = { $count ->
    [one] { $count } contribution restored: it is visible again.
   *[other] { $count } contributions restored: they are visible again.
}
moderation-done-dismissed = { $count ->
    [one] Reports dismissed for { $count } contribution: it stays visible.
   *[other] Reports dismissed for { $count } contributions: they stay visible.
}
moderation-done = { $count ->
    [0] Nothing to settle: another moderator may have been faster.
    [one] 1 contribution settled.
   *[other] { $count } contributions settled.
}
moderation-reports = { $count ->
    [one] 1 report
   *[other] { $count } reports
}
moderation-reasons = Reasons given
moderation-hide = Hide
moderation-restore = Restore
moderation-dismiss = Dismiss the reports
moderation-reason = Reason sent to the author if you hide
moderation-reason-hint = Optional, 500 characters at most. Without one, the author is told their contribution was hidden.
moderation-bulk = Several at once
moderation-bulk-label = For the ticked contributions
moderation-bulk-apply = Apply
moderation-none-ticked = Tick at least one contribution.
moderation-empty = No contribution is waiting for moderation.
moderation-kind-discussion = Discussion
moderation-kind-proposal = Proposal
moderation-kind-news = News
moderation-hidden-no-reason = Your contribution was hidden by the moderators.
activity-comment-hidden = Contribution hidden by the moderators:
nav-moderation = Moderation
moderation-select = Tick for a bulk action

# People (admin)
people-title = People
people-intro = Find an account, change its role, block or unblock it.
people-search = Name or email address
people-search-button = Search
people-col-name = Name
people-col-email = Email address
people-col-role = Role
people-col-since = Joined on
people-none = No account matches.
people-blocked = Blocked
people-profile = See the public profile
people-role-citizen = Resident
people-role-moderator = Moderator
people-role-admin = Administrator
people-role-visitor = Visitor
people-role-title = Role
people-role-hint = The change ends all of the person's sessions: they sign in again with their new role.
people-role-save = Change the role
people-block-title = Blocking
people-block-intro = A blocked account can read the site and manage its data, but no longer contribute; its contributions are hidden and go to moderation.
people-block-reason = Reason for blocking
people-block-confirm = I confirm blocking this account
people-block-confirm-missing = Tick the confirmation box to block this account.
people-block = Block the account
people-blocked-because = Account blocked. Reason:
people-unblock = Unblock the account
people-not-yourself = You can neither change your own role nor block your own account.

# Dashboard (admin)
dashboard-title = Dashboard
dashboard-participants = { $count ->
    [one] registered resident
   *[other] registered residents
}
dashboard-comments = written contributions
dashboard-proposals = published proposals
dashboard-supports = supports
dashboard-responses = questionnaire responses
dashboard-votes = votes on opinion maps
dashboard-new-accounts = { $count ->
    [0] No new account
    [one] 1 new account
   *[other] { $count } new accounts
} in the last { $days } days.
dashboard-reports = { $count ->
    [one] 1 reported contribution waits for moderation
   *[other] { $count } reported contributions wait for moderation
}
dashboard-chart-title = Contributions per day (writing, proposals, responses), last { $days } days
dashboard-chart-max = busiest day:
dashboard-chart-table = The same numbers as a table
dashboard-col-day = Day
dashboard-col-contributions = Contributions
dashboard-processes = Per consultation
dashboard-attention = To deal with
dashboard-calm = Nothing is waiting for now.
dashboard-unanswered = Threshold reached, no answer from the commune yet:
dashboard-unanswered-all = { $count ->
    [one] 1 proposal awaits the commune's answer
   *[other] { $count } proposals await the commune's answer
}
dashboard-totals-note = Since the site opened. Each process, below, counts the people who contributed to it and their contributions.
dashboard-phase-soon = Phase starting soon:

# Audit log and mail outbox (admin)
audit-title = Audit log
audit-intro = Who did what, when and from where: sign-ins, role changes, staff actions.
audit-who = Person (name or email)
audit-action = Action
audit-from = From
audit-to = To
audit-col-when = When
audit-col-subject = About
audit-col-ip = IP address
audit-kept = Each entry is kept { $days } days, then deleted automatically.
audit-retention-change = Change how long it is kept
audit-retention-title = Audit log retention
audit-retention-intro = The audit log keeps a trace of sign-ins and of the staff's actions. It holds personal data (names, IP addresses): keep it as long as needed, and no longer.
audit-field-days = Kept for (days)
audit-field-days-hint = Between 30 and 3,650 days; 365 by default. France's CNIL recommends six months to a year for security logs: a longer term must be justified in your record of processing activities. Older entries are deleted within the hour.
mail-title = Mail sent
mail-intro = What went out or waits to, and how delivery went.
mail-col-to = Recipient
mail-col-kind = Kind
mail-col-subject = Subject
mail-col-status = State
mail-col-attempts = Attempts
mail-col-outcome = Sent on, or error
mail-status-queued = Waiting
mail-status-sent = Sent
mail-status-failed = Failed
log-older = Older

# Exports (admin)
exports-title = Exports
exports-intro = Each consultation's data: spreadsheets (CSV) and JSON for the staff, open data without personal data for everyone.
exports-bundle = All the commune's open data (JSON)
exports-proposals = Proposals
exports-questionnaire = Questionnaire “{ $title }”
exports-discussion = Comments of the debate "{ $title }"
comments-export = Export these comments (staff)
csv-col-id = Number
csv-col-title = Title
csv-col-author = Author
csv-col-category = Topic
csv-col-district = District
csv-col-address = Address
csv-col-latitude = Latitude
csv-col-longitude = Longitude
csv-col-status = Status
csv-col-supports = Supports
csv-col-threshold_reached = Threshold reached
csv-col-published = Published on
csv-col-response = Response
csv-col-submitted = Submitted on
csv-col-parent = In reply to number
csv-col-written = Written on
csv-col-stance = Stance
csv-col-agree = Agree
csv-col-disagree = Disagree
csv-col-badge = Badge
csv-col-hidden = Hidden
csv-col-withdrawn = Withdrawn by its author
csv-col-body = Text
csv-yes = yes
csv-no = no
exports-excel = Spreadsheet (Excel, LibreOffice)
exports-csv = CSV
exports-json = JSON
exports-open-data = open data
moderation-settings-title = Moderation settings
moderation-field-threshold = Reports that hide a contribution
moderation-field-threshold-hint = Between 1 and 100; 3 by default. The contribution stays hidden until a moderator decides.
moderation-field-keywords = Watched words
moderation-field-keywords-hint = One word or phrase a line. A contribution containing one waits for a moderator to read it (except from trusted people).
people-trust-title = Trust
people-trusted = Trusted: their contributions skip the watched words.
people-not-trusted = Their contributions go through the watched words.
people-trust = Mark as trusted
people-untrust = Withdraw trust
people-invite-title = Invite a staff member
people-invite-intro = They receive an email with a link, valid for a week, to choose their password.
people-invite-hint = A moderator handles reports; an administrator manages the whole site.
people-invite-send = Send the invitation
mail-invite-subject = Invitation to join the team of { $site }
mail-invite-body = Hello, you are invited to join the team of the participation platform, with the role: { $role }. Open the link below within a week to choose your password.
mail-invite-action = Choose my password
dashboard-col-participants = Participants

## Accessibility statement: what Palabre checks on every change (pages::show, slug "accessibility")
a11y-checks-title = What Palabre checks on every change
a11y-checks-intro = The Palabre software is tested automatically in a real browser (Chromium), in French, English and German, with and without JavaScript: a resident, a staff member and a visitor go through the site, and every page they visit passes axe-core's WCAG 2.1 A and AA rules. These tests cover part of RGAA 4.1 only; the rest needs a human audit.
a11y-auto-title = RGAA criteria checked automatically
a11y-auto-1 = 1.1: every informative image has a text alternative.
a11y-auto-2 = 3.2: the contrast between text and its background is sufficient.
a11y-auto-3 = 5.6 and 5.7: data tables declare their headers and tie them to their cells.
a11y-auto-4 = 6.2: every link has a name.
a11y-auto-5 = 8.2, 8.3, 8.5 and 8.7: code without duplicate ids, a default language, a page title and changes of language, present and valid.
a11y-auto-6 = 9.3: lists are structured correctly.
a11y-auto-7 = 10.7: focus is visible on every element reached with the keyboard.
a11y-auto-8 = 11.1, 11.2 (presence) and 11.13 (validity): every field has a label, and the purpose declared for identity fields is valid.
a11y-auto-9 = 12.7 and 12.8: the skip link leads to the content, and the Tab key reaches every interactive element once, in document order (sign-up, sign-in, discussion, proposal, questionnaire and back-office journeys).
a11y-manual-title = What still needs a manual audit
a11y-manual-1 = 1.2 to 1.9: whether text alternatives and decorative images are right (including those in content the commune publishes).
a11y-manual-2 = 3.1 and 3.3: information given by colour alone, and the contrast of interface components and charts.
a11y-manual-3 = 6.1 and 9.1: whether link texts and the heading hierarchy make sense.
a11y-manual-4 = 7.1 to 7.5: the interactive map with assistive technologies, and status messages.
a11y-manual-5 = 10.4, 10.11 and 10.12: text enlarged to 200%, display without horizontal scrolling at 320 pixels wide, and text spacing.
a11y-manual-6 = 11.10 and 11.11: whether error messages and correction hints are clear.
a11y-manual-7 = 12.1 to 12.6 and theme 13: consistent navigation, downloadable documents, and trials with screen readers (NVDA, VoiceOver).

## Process report (bilan), follow-up, transparency
report-title = Report: { $process }
report-read = Read the report
report-draft = Draft
report-published-on = published on { $date }
report-draft-note = This report is not published yet: only the commune's staff can see it.
report-edit = Write the report
report-view = See the report
report-intro = What the consultation gathered, counted from the published contributions. Every item links to its source: you can check it all.
report-figures-heading = Participation in figures
report-people = { $count ->
    [one] person took part
   *[other] people took part
}
report-contributions = { $count ->
    [one] contribution
   *[other] contributions
}
report-votes = { $count ->
    [one] vote or support
   *[other] votes and supports
}
report-by-feature = Contributions by tool
report-col-what = What
report-col-count = Number
report-row-discussion-comments = Comments in the discussions
report-row-statements = Statements accepted (opinion map)
report-row-votes = Votes on those statements
report-row-responses = Questionnaire responses
report-row-proposals = Proposals published
report-row-proposal-comments = Comments on proposals
report-row-supports = Supports for proposals
report-how-counted = Contributions hidden by moderation and deleted contributions are not counted.
report-how-counted-link = How these figures are computed
report-time-heading = Contributions week by week
report-time-caption = Contributions per week, from { $first } to { $last }: { $total } in all, at most { $top } in a week.
report-time-table = See the figures week by week
report-col-week = Week of
report-districts-heading = Proposals by district
report-col-district = District
report-col-proposals = Proposals
report-col-supports = Supports
report-no-district = No district given
report-proposals-heading = The most supported proposals and the commune's answer
report-supports = { $count ->
    [0] No support
    [one] 1 support
   *[other] { $count } supports
}
report-progress = Progress: { $percent } %
report-answer-of = The commune's answer of { $date }
report-no-answer = The commune has not answered yet.
report-follow-up-heading = Following up the accepted proposals
report-opinion-heading = What the discussions say
report-map-voters = { $count ->
    [one] 1 person voted on the opinion map
   *[other] { $count } people voted on the opinion map
}
report-consensus = What every group agrees on
report-group = Group { $letter } ({ $count } people) stands apart on
report-share-agree = { $percent } % agree
report-share-disagree = { $percent } % disagree
report-questionnaires-heading = Questionnaire results
report-responses = { $count ->
    [one] 1 response
   *[other] { $count } responses
}
report-tied = tied:
report-answer-share = { $count } of { $answered }, { $percent } %
report-mean = mean { $mean }
report-impact-heading = Contributions that made a difference
report-commune-heading = What the commune takes from it
report-commitments = The commune's commitments
report-commentary = The commune's commentary
report-no-commentary = The commune has not written its commentary yet.
report-sources-heading = Sources and method
report-sources = The figures of this report are computed from the contributions, with no artificial intelligence and no manual sorting: the same data always give the same report. They are also published as open data.
report-source-api = This report's figures as open data (JSON)
report-admin-intro = The figures, proposals, discussions and results of the report are computed from the contributions. Write here what the commune takes from them and what it commits to, then publish: the people who follow the consultation will be told.
report-field-commitments = The commune's commitments
report-field-commitments-hint = A Markdown list: what the commune will do, and when.
report-field-commentary = The commune's commentary
report-field-commentary-hint = Markdown. It is shown beside the figures, never instead of them.
report-field-status-hint = Published: anyone can read the report, without an account.
field-process-draft = Publish the consultation first.
activity-report-published = Report published:
activity-proposal-milestone = Progress on the proposal:
milestones-title = Follow-up
milestone-add = Add a step to the follow-up
milestone-send = Publish the step
milestone-field-date = Date
milestone-field-percent = Progress (in %)
milestone-field-percent-hint = A whole number from 0 to 100.
milestone-field-body = What was done
milestone-not-accepted = Only accepted proposals are followed up: give the commune's answer first.
field-invalid-percent = Enter a whole number from 0 to 100.
transparency-title = Transparency
transparency-intro = How the platform decides what you see: the order of contributions, the moderation rules and what they hid, how reports are computed, and the open data.
transparency-toc = Contents
transparency-ranking-heading = The order of contributions
transparency-ranking = The "most relevant" order follows a public formula: votes, replies and age, with weights everyone can see. Nobody can buy or impose a place.
transparency-ranking-link = The ranking formula in detail
transparency-moderation-heading = Moderation
transparency-rule-report = Anyone signed in can report a contribution, saying why.
transparency-rule-reports = { $count ->
    [one] A comment is hidden after 1 report, until a moderator reviews it.
   *[other] A comment is hidden after { $count } reports, until a moderator reviews it.
}
transparency-rule-keywords = A comment with a word the commune watches is held for review before it is published.
transparency-rule-moderators = Moderators hide or restore a contribution from a single queue; every decision is logged.
transparency-rule-blocked = When an account is blocked, its comments are hidden.
transparency-rule-statements = Statements proposed for the opinion map are reviewed before they are put to the vote.
transparency-rule-audit = Every staff action is written to an audit log.
transparency-hidden-caption = Hidden comments by reason ({ $hidden } hidden, { $visible } visible)
transparency-col-why = Reason
transparency-hidden-reports = Hidden after reports, awaiting review
transparency-hidden-keyword = Held for a watched word
transparency-hidden-moderator = Hidden by a moderator's decision
transparency-hidden-blocked = Hidden with their author's blocked account
transparency-others-caption = Reports and statements
transparency-reports = Reports received
transparency-reports-upheld = Reports followed by hiding
transparency-reports-rejected = Reports set aside (contribution restored or kept)
transparency-reports-open = Reports awaiting review
transparency-statements-accepted = Statements accepted for the opinion map
transparency-statements-rejected = Statements refused by moderation
transparency-blocked-accounts = Blocked accounts
transparency-report-heading = How reports are computed
transparency-report-intro = Every consultation ends with a report that anyone can check, link by link.
transparency-report-people = Participants: the people who made at least one contribution, vote or support in the consultation, each counted once.
transparency-report-contributions = Contributions: comments, accepted statements, questionnaire responses and published proposals; hidden or deleted contributions do not count.
transparency-report-votes = Votes and supports: votes on the opinion map and supports for proposals.
transparency-report-opinion = What brings people together: statements approved (or rejected) by a large share of every group of the opinion map; what sets a group apart: the statements where it differs most from the others.
transparency-report-questionnaires = Questionnaires: the most chosen answer to each closed question, once the commune made the results public; ties are all named.
transparency-report-no-ai = No artificial intelligence: the same data always give the same report. The commune's commentary is shown beside the figures.
transparency-reports-published = Published reports
transparency-open-data-heading = Open data
transparency-open-data-intro = Public contributions can be freely reused (Licence Ouverte 2.0), with no personal data: no author, no account.
transparency-api-doc = The open-data API (OpenAPI 3.1 description)
transparency-api-processes = The consultations as JSON
transparency-bundle = All the participation in one JSON file
transparency-news-feed = News (Atom feed)

## Participatory budget (components/budget)
tool-budget = Vote on the participatory budget's projects
tool-budget-heading = The budget vote
tool-budget-count = { $count ->
    [0] No ballots
    [one] 1 ballot
   *[other] { $count } ballots
}
budget-ballots = { $count ->
    [0] no ballots
    [one] 1 ballot
   *[other] { $count } ballots
}
dashboard-budget_ballots = participatory budget ballots
report-row-budget-ballots = Participatory budget ballots
report-row-budget-paper-ballots = of which paper ballots
report-budget-heading = The participatory budget's vote
report-budget-ballots = { $count ->
    [one] One ballot
   *[other] { $count } ballots
}, { $paper } of them on paper.
report-budget-turnout = The online ballots are { $percent } % of the { $residents } residents registered on the platform.
report-budget-by-district = Ballots by district: { $envelope }
report-budget-col-online = Online
report-budget-col-paper = On paper
report-budget-winners = The projects funded
report-budget-winner = { $cost } · { $votes } votes
report-budget-no-winner = No project was funded.
report-budget-results = All the results and the counting rule
report-budget-not-published = The results of this vote are not published yet.
exports-budget = Budget: { $title }
activity-budget-results = Vote results published:
activity-budget-project-from-proposal = A proposal becomes a project put to the vote:
field-invalid-postal-code = Enter a postal code of 5 digits (or 4 outside France).
field-postal-code-outside = This postal code is not one of the municipality's.
field-fixed-by-votes = Can no longer change: residents have already voted for this project.
budget-list-title = Participatory budget
budget-list-intro = Each envelope has its amount and its voting rule. Choose the projects you want funded.
budget-list-empty = No envelope yet.
budget-new-title = New envelope
budget-rule-knapsack = Choose as many projects as you like, up to { $amount } in total.
budget-rule-approval = { $count ->
    [one] Choose 1 project.
   *[other] Choose up to { $count } projects, whatever they cost.
}
budget-rule-minimum = A ballot must add up to at least { $amount }.
budget-vote-open-until = Vote open until { $day } inclusive.
budget-vote-from-to = Vote from { $start } to { $end }.
budget-vote-closed-on = Vote closed on { $day }.
budget-vote-no-date = The vote's dates are not set yet.
budget-feasibility-pending = Under review
budget-feasibility-feasible = Feasible
budget-feasibility-unfeasible = Not feasible
budget-refused-sign-in = Sign in to vote.
budget-refused-closed = The vote is not open at the moment.
budget-refused-final = You have already voted, and this envelope does not allow changing a ballot.
budget-no-room = No longer fits your cart: { $left } left.
budget-no-room-count = { $count ->
    [one] Your cart already has its project.
   *[other] Your cart already has { $count } projects, the most allowed.
}
budget-refused-empty = Your cart is empty: add at least one project.
budget-refused-unknown = A project in your cart is no longer on the ballot: remove it.
budget-refused-over = Your cart comes to { $total }, more than the { $amount } envelope: remove a project.
budget-refused-too-many = Your cart has { $count } projects, for at most { $max }: remove some.
budget-refused-under = Your cart comes to { $total }: a ballot must add up to at least { $minimum }. Add a project.
budget-cart-left = { $left } left of { $amount }
budget-cart-chosen = { $count } of { $max } projects chosen
budget-vote-change = Replace my ballot with this cart
budget-vote-confirm = Confirm my ballot
budget-voted-notice = Your ballot is recorded. Thank you!
budget-voted-on = You voted ({ $date }).
budget-settings = Envelope settings
budget-project-new = New project
budget-paper-title = Paper ballots
budget-results-title = Results
budget-staff-nav = Managing the envelope
budget-ballot-refused = Ballot not recorded
budget-sign-in-to-vote = Sign in to fill your cart and vote
budget-cart-title = Your cart
budget-cart-empty = No project yet: add the ones you want funded.
budget-remove = Remove
budget-add = Add to cart
budget-in-cart = In your cart
budget-cart-unconfirmed = Your cart changed since you voted: confirm to replace your ballot; otherwise your recorded ballot stands.
budget-projects-title = The projects on the ballot
budget-projects-empty = No project is on the ballot yet.
budget-others-title = Projects reviewed, not on the ballot
budget-first-cost = First estimate:
budget-field-feasibility = Feasibility
budget-field-district = District
budget-field-category = Topic
budget-field-address = Address
budget-from-proposal = From the proposal
budget-review-title = The services' review
budget-see-cart = See my cart
budget-project-edit = Edit the project
budget-results-draft = These results are not public yet: only staff see them.
budget-count = Count the ballots
budget-unpublish = Unpublish
budget-publish = Publish the results
budget-figures-title = Turnout
budget-figures-total = Ballots counted:
budget-figures-online = Online:
budget-figures-paper = On paper:
budget-figures-by-district = Ballots by district
budget-figures-online-col = Online
budget-figures-paper-col = Paper
budget-no-district = District not given
budget-official = the rule in force
budget-chart-caption = Votes per project, in the order of the count; dark blue bars marked ✓ are the funded projects. The table below gives the same figures.
budget-col-rank = Order
budget-col-project = Project
budget-col-votes = Votes
budget-col-cost = Cost
budget-col-left = Left at its turn
budget-col-outcome = Outcome
budget-not-counted = The ballots have not been counted yet.
budget-downloads-title = Recompute it yourself
budget-downloads-intro = The ballots are published without names or accounts, in an order that says nothing of who voted when. The .pb file (pabulib format) opens in the tools of pabulib.org and equalshares.net.
budget-download-pb = The anonymised ballots (.pb, pabulib)
budget-download-csv = The anonymised ballots (CSV)
budget-download-json = The projects and results (JSON)
budget-transparency-link = How the winning projects are chosen
budget-counted-on = Counted on { $date }, { $count } ballot(s).
budget-count-stale = { $count } ballot(s) in all since: count again to include them.
budget-spent = { $spent } funded of { $amount }
budget-method-greedy = Most votes first
budget-method-equal-shares = Method of Equal Shares
budget-method-greedy-rule = Projects are taken from the most voted to the least (ties: the cheaper, then the older). Each is funded if it fits in what is left of the envelope; otherwise the next one is tried.
budget-method-equal-shares-rule = The envelope is split equally among the voters. A project is funded when its voters can pay for it together out of their shares; at each step the one that asks the least of each per euro wins. What is left then goes to the most voted. A group that is 30% of the voters thus decides about 30% of the envelope.
budget-why-won = Funded ({ $left } left)
budget-why-completed = Funded from what was left ({ $left })
budget-why-too-expensive = Not funded: only { $left } was left
budget-why-no-votes = Not funded: no votes
budget-ballot-knapsack = Projects up to the envelope's amount
budget-ballot-approval = At most a number of projects
budget-field-name = Envelope name
budget-field-description = Presentation
budget-whole-commune = The whole commune
budget-field-amount = Amount (euros)
budget-field-amount-hint = A whole number of euros, for example 250000.
budget-field-ballot = Ballot rule
budget-field-max-projects = Most projects per ballot
budget-field-max-projects-hint = Only for the "at most a number of projects" rule: 1 to 100.
budget-field-min-percent = Least share to spend (%)
budget-field-min-percent-hint = Leave empty for none. For example 50: each ballot must add up to at least half the envelope.
budget-field-method = How winners are counted
budget-field-method-hint = Both results are always computed and published; this one is the commune's rule.
budget-field-changeable = Voters may change their ballot until the vote closes
budget-settings-intro = The vote runs during the process phase that carries the budget vote tool.
budget-settings-locked = Ballots have been cast: the amount and the ballot rule can no longer change.
budget-field-proposal = Original proposal
budget-no-proposal = None (the commune's project)
budget-field-proposal-hint = The process's accepted proposals. Its author and supporters will be told.
budget-field-title = Title
budget-field-body = Description
budget-field-cost = Estimated cost (euros)
budget-no-category = No topic
budget-field-feasibility-hint = Only feasible projects are on the ballot.
budget-field-review = The services' public review
budget-field-review-hint = Required if the project is not feasible: say why. Say also what changed the cost.
budget-project-intro = A project put to the vote: its text, its cost and the services' review, all public.
budget-project-see = See the project
budget-paper-no-district = Not given
budget-paper-intro = Enter each ballot left at the town hall as it is written. It is counted with the online votes and shown apart in the figures; each entry goes to the audit log.
budget-paper-count = { $count ->
    [0] No paper ballot entered.
    [one] 1 paper ballot entered.
   *[other] { $count } paper ballots entered.
}
budget-paper-closed = Entering paper ballots is closed: it is possible during the vote and the week after.
budget-paper-saved = Ballot { $reference } recorded.
budget-paper-duplicate = This ballot number was already entered.
budget-paper-reference = Ballot number
budget-paper-reference-hint = As printed on the ballot, for example B-0042: letters, digits, dashes.
budget-paper-district = Voter's district
budget-paper-projects = Projects ticked on the ballot
budget-paper-save = Record the ballot
budget-paper-entered = Latest ballots entered
budget-paper-when = Entered
data-table-budget_ballots = Your participatory budget ballots
data-about-budget_ballots = The projects you chose, to count your ballot. If you delete your account, the ballot still counts, without your name.
data-table-budget_carts = Your voting cart
data-about-budget_carts = The projects set aside before you confirm your ballot. Deleted with your account.
data-table-budget_ballots_entered_by = Paper ballots you entered
data-about-budget_ballots_entered_by = For staff: who entered which ballot, to audit the vote.
data-col-envelope_id = Envelope
data-col-projects = Projects chosen
data-col-total = Total
data-col-project_id = Project
data-col-added_at = Added
data-col-paper_ref = Ballot number
transparency-budget-heading = The participatory budget: how winners are chosen
budget-vote-district = Your district (optional)
budget-vote-district-hint = Only for the turnout figures by district; it does not change your ballot.
transparency-budget-intro = Each envelope states its rule before the vote. Both counts below are always made and published side by side; the commune says which one it follows. A count always gives the same result for the same ballots.
transparency-budget-completion = Details of the Method of Equal Shares (Peters, Pierczyński and Skowron; the variant of equalshares.net): a project is worth its cost to each of its voters; while a voted project would still fit in what is left, each share grows by one euro (or by a thousandth of the first share, if that is more) and the count is run again, kept as long as what it funds fits in the envelope; what remains goes to the most voted. Ties go to the most voted project, then the cheaper, then the older.
transparency-budget-check = Anyone can check: each envelope's results page offers the anonymised ballots in the pabulib format (.pb), to open with the tools of pabulib.org or equalshares.net.
budget-project-funded = Funded project: the commune carries it out.
budget-place = Where the project is
budget-field-location-hint = Optional: where the project is, picked on the map or typed as coordinates (for example 47.392 and 0.688).
budget-milestone-not-funded = Only funded projects have a follow-up, once the results are published.
activity-budget-project-milestone = Progress of the project:
data-table-budget_project_milestones = Follow-up steps of projects you wrote
data-about-budget_project_milestones = The steps of funded projects written from your account (staff). They stay: they are the commune's follow-up.
data-table-resident_verifications = Your verification as a resident
data-about-resident_verifications = How and when you were verified as a resident of the commune (and in which district), and the verifications revoked. Deleted with your account.
data-table-resident_verifications_verified_by = Residents you verified
data-about-resident_verifications_verified_by = For staff: the verifications made at the desk from your account, for the audit.
data-table-resident_verifications_revoked_by = Verifications you revoked
data-about-resident_verifications_revoked_by = For staff: the verifications revoked from your account, for the audit.
dashboard-verified_residents = verified residents
verification-title = Verified resident
verification-verified = Verified:
verification-not-verified = This person is not verified as a resident of the commune.
verification-current = { $method }, { $district }, on { $date } (by { $by }).
verification-revoked = { $method }, { $district }, on { $date }; revoked on { $revoked }.
verification-no-district = no district
verification-by-nobody = no staff member
verification-history = Revoked verifications
verification-revoke = Revoke the verification
verification-desk-intro = At the desk: verify the person in their presence, from an identity document and a proof of address in the commune. The verification is written to the audit log.
verification-district = District of their home
verification-desk-seen = I have seen this person's identity document and proof of address.
verification-desk-seen-missing = Tick the box that says you have seen the identity document and the proof of address.
verification-desk-verify = Verify at the desk
verification-method-franceconnect = FranceConnect
verification-method-census = the commune's list
verification-method-letter = code received by post
verification-method-desk = at the town hall's desk
verification-missing-sign-in = Sign in to take part.
verification-missing-email = Confirm your email address first (the link is in the message sent when you signed up) to take part.
verification-missing-resident = Only verified residents of the commune take part here. To be verified, come to the town hall's desk with an identity document and a proof of address, or see the other ways in your account, "My resident verification".
verification-missing-district = Only verified residents of this district take part here, and you were verified in another district. If you have moved, come to the town hall's desk with a proof of your new address.
verification-levels-title = Who may take part
verification-levels-intro = For each tool of the process, what participants are asked ("Discuss" stands for comments anywhere in the process and for the opinion map). A vote that binds the commune (the participatory budget) may be kept for verified residents, of one district if needed; a district's envelope is then for the verified residents of that district.
verification-level-signed_in = An account, signed in
verification-level-confirmed = An account whose email address is confirmed
verification-level-verified = A verified resident of the commune
verification-field-district = District (verified residents only)
verification-field-district-hint = Optional: only for "a verified resident".
verification-any-district = The whole commune
verification-required-title = Participation restricted
verification-level-default = Default: what the tool asks (a confirmed account for the budget vote)
data-col-method = Method
data-col-district_id = District
data-col-revoked_at = Revoked on
data-col-user_id = Person

## Sign-in with OpenID providers (FranceConnect, a commune's SSO)
oidc-sign-in-with = Sign in with an online identity
oidc-sign-in-franceconnect = Sign in with FranceConnect
oidc-sign-in-sso = Sign in with the local authority's account
oidc-what-is-franceconnect = What is FranceConnect? (new window)
login-with-password = Or with your email address and password
oidc-provider-franceconnect = FranceConnect
oidc-provider-sso = Local authority account
oidc-default-name = Resident
oidc-back-to-login = Back to the sign-in page
oidc-failure-title = Sign-in did not go through
oidc-failure-not-configured = The municipality does not offer this way of signing in. Sign in with your email address and password.
oidc-failure-unavailable = The sign-in service is not answering at the moment. No account was created or changed. Try again in a few minutes, or sign in with your email address and password.
oidc-failure-cancelled = The sign-in was cancelled or refused by the sign-in service. No account was created or changed. You can start again from the sign-in page.
oidc-failure-expired = This sign-in has expired or was already used, or it was started in another browser. No account was created or changed. Start again from the sign-in page.
oidc-failure-invalid = The sign-in service's answer could not be verified. For your safety, no account was created or changed. Start again from the sign-in page.
oidc-failure-no-email = The sign-in service did not pass on a verified email address, which an account needs. Create an account with your address, then add this way of signing in from your account.
oidc-identity-taken = This identity is already linked to another account. Sign out, then sign in with it.
oidc-link-title = Link this identity to your account
oidc-link-intro = An account already exists with the address { $provider } passed on. Type that account's password to add this way of signing in to it: you can then use either.
oidc-link-submit = Link and sign in
oidc-link-no-password = An account already exists with this address, and it signs in another way. Sign in as usual first, then add this way of signing in from "My ways of signing in".
identities-title = My ways of signing in
identities-intro = The online identities you can sign in to this account with, besides your password. Only the identifier the service passes on to us is kept.
identities-intro-no-password = The online identities you sign in to this account with. Only the identifier the service passes on to us is kept. To sign in with a password as well, choose one with "Forgotten password?" on the sign-in page.
identities-none = No online identity is linked to this account.
identities-add = Add a way of signing in
identities-col-provider = Service
identities-col-since = Linked on
identities-col-last-used = Last used
data-table-user_identities = Ways of signing in
data-about-user_identities = The online identities (FranceConnect, the local authority's account) linked to your account: the service, and when they were used.
data-table-oidc_links = Pending links
data-about-oidc_links = An online identity waiting for your account's password (a quarter of an hour at most).
data-col-provider = Service
data-col-acr = Level of assurance
data-col-last_used_at = Last used
admin-field-postal-codes = The municipality's postal codes
admin-field-postal-codes-hint = Separated by commas (41000, 41350). Someone signed in with FranceConnect who declares an address under one of them becomes a verified resident; empty, this verification is not offered.

## A resident's own verification page
my-verification-title = My resident verification
my-verification-you-are = You are a verified resident of the municipality ({ $method }, on { $when }).
my-verification-you-are-of = You are a verified resident of the municipality, { $district } district ({ $method }, on { $when }).
my-verification-intro = Some ways of taking part, such as a vote that binds the municipality, are for verified residents. You can become one in these ways.
my-verification-franceconnect-title = With FranceConnect and your address
my-verification-franceconnect-intro = You are signed in with FranceConnect. Declare your address in the municipality: it is checked, not kept; only the method, the district chosen and the date are.
my-verification-franceconnect-first = Sign in with FranceConnect first, then come back to this page to declare your address.
my-verification-field-address = Address (number and street)
my-verification-field-postal-code = Postal code
my-verification-field-postal-code-hint = That of your home in the municipality.
my-verification-field-district = Your district
my-verification-no-district = I do not know
my-verification-submit = Declare my address
my-verification-desk-title = At the town hall desk
my-verification-desk = Come to the town hall reception with an identity document and a proof of address less than three months old: a member of staff verifies you there.

## The census list
census-title = List of residents
census-intro = Import the municipality's list of residents (electoral roll or population register) as a CSV file: family name, given name, birth date, postal code, and district if you wish, in that order. Each row is kept only as an encrypted fingerprint: the list itself is not kept. A resident whose declared details match a row becomes a verified resident; a new list replaces the rows not used yet.
census-open = { $count ->
    [0] No row is available.
    [one] One row is available.
   *[other] { $count } rows are available.
}
census-field-list = CSV file of the list
census-field-list-hint = Semicolon or comma separated, UTF-8; a header line is accepted. Dates as DD/MM/YYYY.
census-submit = Import the list
census-imported = { $count } rows imported.
census-imported-refused = { $count } rows imported; { $refused } rows refused (incomplete, unreadable date or postal code, unknown district): lines { $lines }.
my-verification-census-title = With the municipality's list of residents
my-verification-census-intro = If you are on the municipality's list, type your details as they appear there. They are compared with the list as an encrypted fingerprint and are not kept.
my-verification-census-submit = Check my details
my-verification-field-family-name = Family name
my-verification-field-given-name = Given name
my-verification-field-birth-date = Date of birth
my-verification-field-birth-date-hint = As DD/MM/YYYY.
field-not-on-the-list = These details match no available entry of the municipality's list. Check them (birth name, legal given name), or come to the town hall desk.
data-table-census_entries = List of residents
data-about-census_entries = The row of the municipality's list of residents that verified you (an encrypted fingerprint, without your name).
data-table-census_imports = Imports of the list of residents
data-about-census_imports = The lists of residents you imported (staff).
data-col-rows = Rows
data-col-refused = Rows refused
data-col-imported_at = Imported on
census-index-intro = The municipality's list of residents, which verifies the residents found on it.

## Letter codes
letters-title = Verification letters
letters-index-intro = Codes sent by post to the residents who ask for them.
letters-intro = A resident who asks receives a letter with a code by post, at their address in the municipality; they type it in their account and become a verified resident. The code is kept only as a keyed hash, and the address only until the code is typed, the request cancelled or the letter expired ({ $days } days after printing).
letters-off = Letters are not offered to residents: they need the town hall's address below and the municipality's postal codes (in "Site identity").
letters-counts = To print: { $waiting } · sent, waiting for the code: { $sent } · codes typed: { $used }
letters-to-print-title = To print
letters-col-recipient = Recipient
letters-col-place = Postal code and town
letters-col-asked = Asked on
letters-none-to-print = No letter to print.
letters-print = { $count ->
    [one] Print the letter (PDF)
   *[other] Print the { $count } letters (PDF)
}
letters-print-hint = Each letter gets a new code, shown only in this file: print it, put the letters in window envelopes, then delete the file. At most { $max } letters per file.
letters-batches-title = Last batches printed
letters-col-printed = Printed on
letters-col-by = By
letters-col-count = Letters
letters-col-open = Waiting for the code
letters-reprint = Put back to print
letters-reprint-hint = A file lost or misprinted: its letters still waiting go back to "To print" with new codes, and the codes already printed stop working.
letters-settings-title = The town hall's address
letters-field-sender = Address printed as the sender
letters-field-sender-hint = One line per address line, six at most: the department, the street, the postal code and the town. Empty: letters are not offered.
letters-nothing-printed = There was no letter to print.
letters-reprinted = { $count ->
    [one] One letter put back to print.
   *[other] { $count } letters put back to print.
}
letter-date = { $date }
letter-subject = Your verified resident code
letter-greeting = Dear resident,
letter-body = You asked, on the participation site of { $commune }, to be verified as a resident of the municipality. Here is your personal code:
letter-how = To use it, sign in to your account on the site, open the page "My resident verification" ({ $link }) and type this code before { $expires }.
letter-once = This code works once, and only from the account that asked for it. If you did not ask for anything, there is nothing to do: the code will expire. You may also tell the town hall.
letter-closing = Yours faithfully,
letter-reference = Letter no. { $id }, asked for on { $date }
my-verification-letter-title = By post, with a code
my-verification-letter-intro = The town hall sends you a letter by post, at your address in the municipality, with a code to type here. Your address is kept only until then.
my-verification-field-recipient = Name on the letterbox
my-verification-field-recipient-hint = As it must appear on the envelope.
my-verification-field-town = Town
my-verification-letter-submit = Ask for a letter
my-verification-letter-asked = You asked for a letter on { $date } for { $place }. The town hall prints and posts it; it usually arrives within a week.
my-verification-letter-sent = Your letter was printed on { $date }. Type the code it contains before { $expires }.
my-verification-field-letter-code = Code received by post
my-verification-field-letter-code-hint = Ten letters and digits, for example ABCDE-FGH23.
my-verification-letter-code-submit = Confirm the code
my-verification-letter-cancel-intro = Letter not received, or address to change?
my-verification-letter-cancel = Cancel the request
field-not-the-letter-code = This code is not the one of your letter, or it expired. Type it as printed: ten letters and digits.
data-table-letter_requests = Verification letters
data-about-letter_requests = The letter with a code you asked for: the address, kept until the code is typed, the request cancelled or the letter expired; then only the dates.
data-table-letter_requests_printed_by = Letters printed
data-about-letter_requests_printed_by = For staff: the verification letters printed from your account.
data-col-recipient = Recipient
data-col-town = Town
data-col-postal_code = Postal code
data-col-requested_at = Asked on
data-col-printed_at = Printed on
data-col-outcome = Outcome

## The town-hall desk
nav-desk = Desk
desk-title = Town hall desk
desk-index-intro = Register and verify in person a resident without an email address.
desk-intro = For a resident without internet: create an account for them without an email address and verify them in their presence. They may later take this account online with their address, with a code you give them. Every registration and every code is in the audit log.
desk-register-title = Register a resident
desk-field-name = Display name
desk-field-name-hint = The public name of their contributions, for example "Jeanne M.".
desk-register-submit = Register and verify
desk-registered = { $name } is registered and verified at the desk. See their account.
desk-accounts-title = Accounts opened at the desk
desk-claim-hint = A claim code lets the person take their account online, with their email address and a password. A new code replaces the previous one.
desk-col-registered = Registered on
desk-col-state = Taken online
desk-claim-code = Give a claim code
desk-none = No account has been opened at the desk yet.
desk-claimed = Taken online on { $date }
desk-code-until = Code valid until { $date }
desk-no-code = No code in progress
desk-code-title = Account claim code
desk-code-for = Claim code for
desk-code-how = Give this code to the person, in writing. To take their account, they open { $link }, type this code, then choose their email address and password, before { $date }.
desk-code-once = This code is shown only once: it is kept only as a keyed hash. If it is lost, give a new one.
desk-no-email = no email address (registered at the desk)
claim-title = Take my account opened at the town hall
claim-intro = You were registered at the town hall desk and the officer gave you a claim code: type it here, then choose your display name, your email address and a password. Your contributions and your resident verification stay yours.
claim-field-code = Claim code
claim-field-code-hint = Ten letters and digits, for example ABCDE-FGH23.
claim-submit = Take my account
field-not-the-claim-code = This claim code is not valid (already used, expired or mistyped). Type it as it was given to you, or ask the desk for a new one.
data-table-desk_accounts = Registration at the desk
data-about-desk_accounts = Your account was opened at the town hall desk: when, and when you took it online.
data-table-desk_accounts_registered_by = Accounts opened at the desk
data-about-desk_accounts_registered_by = For staff: the accounts you opened at the desk.
data-col-registered_at = Registered on
data-col-code_expires_at = Claim code valid until
login-desk-account = Registered at the town hall desk with a claim code?

## Entering at the desk (for a resident sitting with a staff member)
desk-act = Enter with this person
desk-act-hint = The public site then acts in their name, for an hour at most: what you send is theirs, marked "entered at the desk", and each submission is logged.
desk-banner = Desk: you are entering for { $name }. Everything you send is recorded in their name and marked "entered at the desk".
desk-end = End entering
desk-entered-tag = Entered at the desk
data-col-started_at = Started on
data-col-resident_id = Resident
data-table-desk_sessions = Entering at the desk under way
data-about-desk_sessions = A member of the town hall's staff is entering your contributions with you at the desk right now (an hour at most).
data-table-desk_sessions_staff_id = Your entering at the desk under way
data-about-desk_sessions_staff_id = For staff: the person you are entering for at the desk right now.
data-table-comments_entered_by = Comments entered at the desk
data-about-comments_entered_by = For staff: the comments you entered at the desk for a resident.
data-table-proposals_entered_by = Proposals entered at the desk
data-about-proposals_entered_by = For staff: the proposals you entered at the desk for a resident.
data-table-proposal_supports_entered_by = Supports entered at the desk
data-about-proposal_supports_entered_by = For staff: the supports you entered at the desk for a resident.
data-table-responses_entered_by = Answers entered at the desk
data-about-responses_entered_by = For staff: the questionnaire answers you entered at the desk for a resident.
report-row-discussion-comments-at-desk = of which entered at the desk
report-row-proposals-at-desk = of which entered at the desk
report-row-supports-at-desk = of which entered at the desk
report-row-responses-at-desk = of which entered at the desk
report-row-budget-ballots-at-desk = of which online ballots entered at the desk
