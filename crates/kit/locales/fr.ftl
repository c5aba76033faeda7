# Palabre — catalogue français (langue de référence)
skip-to-content = Aller au contenu
nav-main = Navigation principale
nav-participate = Participer
nav-menu = Menu
nav-menu-close = Fermer le menu
nav-home = Accueil
nav-processes = Concertations
nav-news = Actualités
nav-about = À propos
language-switch = Langue
footer-legal = Mentions légales
footer-privacy = Confidentialité
footer-accessibility = Accessibilité : partiellement conforme
footer-terms = Conditions d'utilisation
footer-powered = Propulsé par Palabre, logiciel libre de participation citoyenne
home-news-heading = Dernières actualités
home-news-empty = Aucune actualité pour le moment.
home-see-processes = Voir les concertations
home-processes-heading = Concertations en cours
home-processes-empty = Aucune concertation n'est en cours : consultez celles à venir.
home-figures-heading = La participation en chiffres
home-figures-participants = { $count ->
    [one] habitant inscrit
   *[other] habitants inscrits
}
home-figures-open = { $count ->
    [one] concertation en cours
   *[other] concertations en cours
}
home-figures-contributions = { $count ->
    [one] contribution reçue
   *[other] contributions reçues
}
home-figures-proposals = { $count ->
    [one] proposition citoyenne
   *[other] propositions citoyennes
}
home-phases-heading = Prochaines étapes
home-phases-empty = Aucune étape n'est annoncée pour le moment.
home-news-all = Toutes les actualités
published-on = Publié le { $date }
page-updated-on = Mis à jour le { $date }
back-home = Retour à l'accueil
error-400-title = Requête invalide
error-400-body = La requête envoyée n'a pas pu être comprise. Vérifiez le formulaire et réessayez.
error-403-title = Accès refusé
error-403-body = Vous n'avez pas le droit d'effectuer cette action.
error-csrf-body = Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et envoyez-le à nouveau.
error-blocked-body = Votre compte a été bloqué par l'équipe de la commune : vous pouvez lire le site, consulter, télécharger ou supprimer vos données, mais plus contribuer. Pour en parler, écrivez à la mairie.
error-404-title = Page introuvable
error-404-body = La page demandée n'existe pas ou a été déplacée.
error-405-title = Méthode non autorisée
error-405-body = Cette adresse n'accepte pas ce type de requête.
error-413-title = Envoi trop volumineux
error-413-body = Le contenu envoyé dépasse la taille autorisée.
error-fields-body = Le formulaire envoyé contient trop de champs (2 000 au plus). Rien n'a été enregistré.
error-500-title = Erreur du serveur
error-500-body = Une erreur inattendue s'est produite. Réessayez dans quelques instants.
error-503-title = Service indisponible
error-503-body = Le site n'est pas correctement configuré pour le moment. Les administrateurs en ont été informés.
error-busy-body = Le site est très sollicité en ce moment et votre envoi n'a pas été enregistré. Rien n'a été modifié : revenez en arrière et envoyez-le à nouveau dans quelques secondes.
error-newer-schema-body = Le site est en cours de mise à jour : il ne peut rien enregistrer pour le moment, et rien de ce que vous avez envoyé n'a été enregistré. Revenez en arrière et réessayez dans quelques minutes ; vous pouvez continuer à consulter les pages.
error-mail-origin-body = Ce site ne peut pas encore envoyer de courriel contenant un lien : son adresse publique (base_url) n'est pas configurée. Rien n'a été enregistré. Prévenez la commune ; vous pourrez réessayer dès qu'elle l'aura fait.
error-pending-title = Envoi déjà en cours
error-pending-body = Ce formulaire a déjà été envoyé et son traitement n'est pas terminé. Il ne sera enregistré qu'une fois : patientez quelques secondes, puis rechargez la page.
error-done-title = Déjà pris en compte
error-done-body = Ce formulaire a déjà été envoyé et enregistré ; il ne l'a pas été une seconde fois. Rien d'autre n'est à faire : revenez à la page précédente et rechargez-la pour voir le résultat.
date-long = { $day } { $month } { $year }
date-month = { $month } { $year }
date-short = { $day } { $month }
date-time = { $date } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
nav-login = Se connecter
nav-logout = Se déconnecter
form-has-errors = Le formulaire contient des erreurs
form-conflict-title = Modifié entre-temps
form-conflict-body = Quelqu'un d'autre a enregistré ce contenu depuis que vous avez ouvert ce formulaire. Votre version n'a pas été enregistrée pour ne pas effacer la sienne : vos saisies sont ci-dessous. Comparez avec la version en ligne, puis enregistrez à nouveau si vous le souhaitez.
field-required-mark = (obligatoire)
field-required = Ce champ est obligatoire.
field-too-long = Ce texte est trop long.
field-invalid-email = Saisissez une adresse électronique valide, par exemple nom@exemple.fr.
field-invalid-characters = Ce texte contient des caractères non autorisés.
password-too-short = Le mot de passe doit contenir au moins 8 caractères.
password-too-long = Le mot de passe ne doit pas dépasser 128 caractères.
password-too-common = Ce mot de passe fait partie des plus courants. Choisissez-en un autre.
password-mismatch = Les deux mots de passe ne sont pas identiques.
password-hint = Au moins 8 caractères. Une phrase facile à retenir convient très bien.
field-email = Adresse électronique
field-password = Mot de passe
field-password-confirm = Confirmez le mot de passe
field-display-name = Nom affiché
field-commune-name = Nom de la commune
field-default-locale = Langue par défaut du site
setup-title = Installation de la plateforme
setup-intro = Bienvenue ! Indiquez le nom de votre commune et créez le premier compte administrateur. Cette page disparaîtra une fois l'installation terminée.
setup-admin-heading = Premier compte administrateur
setup-submit = Terminer l'installation
login-title = Connexion
login-submit = Se connecter
login-failed = Adresse électronique ou mot de passe incorrect.
error-429-title = Trop de tentatives
error-429-wait = Vous avez fait trop de tentatives en peu de temps. Vous pourrez réessayer dans { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
  }, à { $time }.
error-429-kept = Ce que vous aviez saisi est gardé sur cette page (sauf les mots de passe) : une fois ce délai passé, envoyez-le à nouveau.
error-429-retry = Envoyer à nouveau
error-429-body = Vous avez fait trop de tentatives en peu de temps. Réessayez dans quelques minutes.
email-taken = Un compte utilise déjà cette adresse électronique.
field-invalid-choice = Choisissez une des options proposées.
field-out-of-range = Saisissez un nombre entier compris dans les limites indiquées.
field-too-few-options = Donnez au moins deux choix, un par ligne.
nav-signup = Créer un compte
signup-title = Créer un compte
signup-intro = Un compte vous permet de suivre les concertations, de débattre, de répondre aux questionnaires et de proposer vos idées.
field-accept-terms = J'ai lu et j'accepte les conditions d'utilisation
terms-link = Lire les conditions d'utilisation
must-accept = Vous devez accepter les conditions d'utilisation pour créer un compte.
signup-submit = Créer mon compte
signup-have-account = Vous avez déjà un compte ?
login-no-account = Pas encore de compte ?
signup-sent-title = Vérifiez votre messagerie
signup-sent-body = Si cette adresse peut être utilisée, un message vient d'y être envoyé. Ouvrez le lien qu'il contient pour activer votre compte : il est valable 48 heures.
mail-confirm-subject = Activez votre compte sur { $site }
mail-confirm-body = Bonjour { $name }, merci de votre inscription. Pour activer votre compte, ouvrez le lien ci-dessous. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
mail-confirm-action = Activer mon compte
mail-existing-subject = Tentative d'inscription sur { $site }
mail-existing-body = Quelqu'un, peut-être vous, a voulu créer un compte avec cette adresse, qui en a déjà un. Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser depuis la page de connexion. Sinon, ignorez ce message.
confirm-failed-title = Lien invalide ou expiré
confirm-failed-body = Ce lien d'activation n'est plus valable : il a peut-être déjà servi ou a expiré. Connectez-vous, ou inscrivez-vous à nouveau pour en recevoir un autre.
login-unconfirmed = Votre adresse électronique n'est pas encore confirmée. Ouvrez le lien reçu par message pour activer votre compte.
reset-title = Mot de passe oublié
reset-intro = Indiquez l'adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
reset-submit = Recevoir le lien
reset-sent-title = Vérifiez votre messagerie
reset-sent-body = Si un compte utilise cette adresse, un message vient d'y être envoyé. Le lien qu'il contient est valable une heure et ne sert qu'une fois.
reset-new-title = Choisir un nouveau mot de passe
reset-new-submit = Enregistrer le mot de passe
reset-failed-body = Ce lien de réinitialisation n'est plus valable : il a peut-être déjà servi ou a expiré (il est valable une heure). Demandez-en un nouveau.
mail-reset-subject = Réinitialisation de votre mot de passe sur { $site }
mail-reset-body = Bonjour, une réinitialisation du mot de passe de votre compte a été demandée. Ouvrez le lien ci-dessous dans l'heure pour choisir un nouveau mot de passe. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.
mail-reset-action = Choisir un nouveau mot de passe
mail-security-subject = Sécurité de votre compte sur { $site }
mail-security-password = Bonjour, le mot de passe de votre compte vient d'être changé.
mail-security-2fa-enabled = Bonjour, la vérification en deux étapes vient d'être activée sur votre compte.
mail-security-2fa-disabled = Bonjour, la vérification en deux étapes vient d'être désactivée sur votre compte.
mail-security-not-you = Si c'est bien vous, il n'y a rien à faire. Sinon, choisissez tout de suite un nouveau mot de passe avec le lien ci-dessous : cela fermera toutes les sessions ouvertes.
mail-security-action = Choisir un nouveau mot de passe
gate-mail-sign-ins-subject = Tentatives de connexion à votre compte sur { $site }
gate-mail-sign-ins-body = Bonjour, quelqu'un a essayé de nombreuses fois de se connecter à votre compte sans le bon mot de passe. Ces tentatives sont suspendues un moment ; depuis votre appareil habituel, vous pouvez toujours vous connecter, sauf si les essais viennent de très nombreux endroits à la fois.
gate-mail-sign-ins-advice = Si c'était vous, il n'y a rien à faire. Sinon, votre mot de passe n'a pas été trouvé ; pour plus de sûreté, choisissez-en un long et unique.
gate-mail-sign-ins-action = Choisir un nouveau mot de passe
login-forgot = Mot de passe oublié ?
password-title = Changer de mot de passe
password-intro = Vos autres sessions ouvertes (sur d'autres appareils) seront fermées.
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
current-password-wrong = Le mot de passe actuel est incorrect.
password-submit = Changer le mot de passe
password-changed-title = Mot de passe changé
password-changed-body = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
nav-my-account = Mon compte
account-title = Mon compte
account-intro = Gérez votre profil, votre mot de passe et vos données.
profile-title = Mon profil
field-bio = Présentation courte
bio-hint = Facultatif, 1 000 caractères au plus. Elle est visible par les autres participants.
field-language = Langue préférée
language-site-default = Langue du site
notifications-heading = Notifications par courriel
field-notify-followed = Me prévenir des nouveautés des concertations que je suis
field-notify-news = Me prévenir des actualités de la commune
profile-submit = Enregistrer
profile-saved = Votre profil a été enregistré.
data-title = Mes données
data-download = Télécharger mes données
data-page-intro = Voici tout ce que la plateforme conserve à votre sujet, rangé par sorte de données, avec la raison et la durée de conservation. Les dates sont à l'heure de la commune.
data-json-hint = Le fichier JSON contient les mêmes données, complètes, pour les emporter ailleurs (portabilité).
data-kept-title = Ce qui est conservé
data-summary = { $count ->
    [0] Rien n'est conservé à votre sujet en dehors de votre compte.
    [one] Une sorte de données vous concerne.
   *[other] { $count } sortes de données vous concernent.
} Ouvrez-en une pour la lire.
data-count = { $count ->
    [one] 1 élément
   *[other] { $count } éléments
}
data-more = Les { $count } suivants sont dans le fichier JSON.
data-rights = Vous pouvez corriger votre profil ou supprimer votre compte à tout moment :
data-table-users = Votre compte
data-about-users = Ce qui vous identifie et vos réglages. Conservé tant que le compte existe.
data-table-audit_log = Journal de sécurité
data-about-audit_log = Connexions et actions sensibles de votre compte, avec l'adresse IP, gardées pour la sécurité de tous pendant la durée fixée par la commune.
data-table-email_tokens = Liens envoyés par courriel
data-about-email_tokens = Les liens de confirmation d'adresse et de changement de mot de passe (jamais le lien lui-même).
data-table-recovery_codes = Codes de secours
data-about-recovery_codes = Les codes de secours de la validation en deux étapes, et quand ils ont servi (jamais les codes eux-mêmes).
data-table-login_challenges = Étapes de connexion
data-about-login_challenges = Les deuxièmes étapes de connexion demandées à votre compte.
data-table-idempotency_keys = Formulaires envoyés
data-about-idempotency_keys = Les formulaires envoyés ces dernières 24 heures, gardés pour qu'un double clic ne compte qu'une fois.
data-table-ended_sessions = Sessions fermées
data-about-ended_sessions = Les sessions fermées (déconnexion), gardées jusqu'à leur date d'expiration.
data-table-mail_outbox = Courriels
data-about-mail_outbox = Les courriels que la plateforme vous a envoyés ou va vous envoyer.
data-table-notifications = Notifications
data-about-notifications = Les notifications reçues sur le site, et quand vous les avez lues.
data-table-follows = Abonnements
data-about-follows = Les concertations, débats et personnes que vous suivez.
data-table-comment_reports = Vos signalements
data-about-comment_reports = Les contributions que vous avez signalées à la modération, avec la raison donnée.
data-table-comment_reports_resolved_by = Signalements que vous avez traités
data-about-comment_reports_resolved_by = Les signalements que vous avez traités comme modérateur ou modératrice.
data-table-comments = Vos commentaires
data-about-comments = Vos contributions écrites. Elles restent publiques si vous supprimez votre compte, sous « participant supprimé ».
data-table-comment_reactions = Vos réactions
data-about-comment_reactions = Vos « d'accord » et « pas d'accord » sur les commentaires des autres.
data-table-opinion_statements = Vos affirmations
data-about-opinion_statements = Les affirmations que vous avez proposées sur les cartes des opinions.
data-table-opinion_votes = Vos votes sur les affirmations
data-about-opinion_votes = Vos votes d'accord, pas d'accord ou « je passe » sur les cartes des opinions.
data-table-opinion_ballots = Vos participations aux cartes des opinions
data-about-opinion_ballots = Le nombre de vos votes par débat, qui place votre point sur la carte.
data-table-discussions = Débats que vous avez ouverts
data-about-discussions = Les débats ouverts depuis votre compte (équipe de la commune).
data-table-proposals = Vos propositions
data-about-proposals = Vos propositions, brouillons compris. Les publiées restent si vous supprimez votre compte ; les brouillons sont effacés.
data-table-proposal_supports = Vos soutiens
data-about-proposal_supports = Les propositions que vous soutenez.
data-table-proposal_answers = Réponses officielles écrites
data-about-proposal_answers = Les réponses de la commune écrites depuis votre compte (équipe).
data-table-proposal_milestones = Étapes de suivi écrites
data-about-proposal_milestones = Les étapes de réalisation des propositions écrites depuis votre compte (équipe).
data-table-proposal_amendments = Vos amendements
data-about-proposal_amendments = Les modifications que vous avez proposées aux propositions des autres.
data-table-answers = Vos réponses aux questions
data-about-answers = Ce que vous avez répondu, question par question. Les réponses restent, sans lien avec vous, si vous supprimez votre compte.
data-table-responses = Vos questionnaires
data-about-responses = Les questionnaires que vous avez commencés ou envoyés.
data-table-questionnaires = Questionnaires que vous avez créés
data-about-questionnaires = Les questionnaires créés depuis votre compte (équipe).
data-table-process_reports = Bilans enregistrés
data-about-process_reports = Les bilans de concertation enregistrés en dernier par vous (équipe).
data-table-process_participants = Concertations où vous avez participé
data-about-process_participants = Les concertations où vous avez contribué : elles vous comptent parmi leurs participants.
data-table-activity = Votre activité publique
data-about-activity = Ce que le fil d'activité du site montre de vos contributions.
data-table-images = Images envoyées
data-about-images = Les images que vous avez envoyées, avec leur texte de remplacement.
data-col-at = Date
data-col-action = Action
data-col-ip = Adresse IP
data-col-purpose = Objet
data-col-created_at = Créé le
data-col-expires_at = Expire le
data-col-used_at = Utilisé le
data-col-id = Numéro
data-col-path = Page
data-col-claimed_at = Envoyé le
data-col-ended_at = Fermée le
data-col-to_email = Destinataire
data-col-kind = Type
data-col-subject = Objet
data-col-status = État
data-col-sent_at = Envoyé le
data-col-activity_id = Événement
data-col-read_at = Lu le
data-col-target_kind = Suivi
data-col-target_id = Numéro suivi
data-col-comment_id = Commentaire
data-col-reason = Raison
data-col-resolution = Décision
data-col-resolved_at = Traité le
data-col-resource = Sur
data-col-resource_id = Numéro
data-col-parent_id = En réponse à
data-col-body = Texte
data-col-stance = Position
data-col-edited_at = Modifié le
data-col-deleted_at = Retiré le
data-col-reaction = Réaction
data-col-process_id = Concertation
data-col-published_at = Publié le
data-col-updated_at = Modifié le
data-col-title = Titre
data-col-url = Adresse
data-col-alt = Texte de remplacement
data-col-content_type = Format
data-col-email = Adresse électronique
data-col-display_name = Nom affiché
data-col-role = Rôle
data-col-locale = Langue
data-col-bio = Présentation
data-col-notify_followed = Prévenu de ce que vous suivez
data-col-notify_news = Prévenu des actualités
data-col-email_confirmed_at = Adresse confirmée le
data-col-totp_enabled_at = Deux étapes depuis le
data-col-discussion_id = Débat
data-col-statement_id = Affirmation
data-col-vote = Vote
data-col-votes = Votes
data-col-slug = Adresse
data-col-question = Question
data-col-state = Publication
data-col-address = Adresse postale
data-col-latitude = Latitude
data-col-longitude = Longitude
data-col-image_id = Image
data-col-proposal_id = Proposition
data-col-on_date = Date
data-col-percent = Avancement (%)
data-col-question_id = Question
data-col-value = Réponse
data-col-questionnaire_id = Questionnaire
data-col-submitted_at = Envoyé le
delete-title = Supprimer mon compte
delete-intro = Vos informations personnelles seront effacées et toutes vos sessions fermées. Vos contributions publiques resteront visibles sous le nom « participant supprimé ». Cette action est définitive.
delete-submit = Supprimer définitivement mon compte
deleted-title = Compte supprimé
deleted-body = Votre compte a été supprimé et vos informations personnelles effacées. Merci de votre participation.
deleted-participant = Participant supprimé
field-totp-code = Code à 6 chiffres
totp-title = Vérification en deux étapes
totp-intro = Saisissez le code affiché par votre application d'authentification, ou l'un de vos codes de secours.
totp-enrol-title = Activer la vérification en deux étapes
totp-required-intro = La commune exige la vérification en deux étapes pour les comptes de l'équipe. Scannez ce code avec une application d'authentification, puis saisissez le code qu'elle affiche.
totp-qr-label = Code QR à scanner avec une application d'authentification
totp-secret-label = Ou saisissez cette clé :
totp-enable-submit = Activer
totp-disable-submit = Désactiver la vérification en deux étapes
totp-settings-title = Vérification en deux étapes
totp-off-intro = Protégez votre compte : scannez ce code avec une application d'authentification, puis saisissez le code qu'elle affiche.
totp-on-intro = La vérification en deux étapes est active. Pour la désactiver, saisissez un code de votre application.
totp-disabled-body = La vérification en deux étapes est désactivée.
totp-recovery-title = Vos codes de secours
totp-recovery-intro = Notez ces codes et gardez-les en lieu sûr : chacun permet une connexion si vous perdez votre téléphone. Ils ne seront plus affichés.
totp-expired-title = Vérification expirée
totp-expired-body = Cette étape de connexion a expiré ou a déjà servi. Reconnectez-vous.
wrong-code = Ce code n'est pas valable. Vérifiez l'heure de votre téléphone et réessayez.
security-title = Sécurité de la plateforme
security-intro = Réglages de sécurité qui s'appliquent à toute l'équipe de la commune.
field-require-staff-2fa = Exiger la vérification en deux étapes pour les modérateurs et les administrateurs
reset-done-login-body = Votre mot de passe a été changé. Connectez-vous avec ce nouveau mot de passe.

## Processes (concertations)
processes-title = Concertations
processes-intro = Les projets sur lesquels la commune vous consulte : en cours, à venir et terminés.
processes-empty = Aucune concertation n'est publiée pour le moment.
process-status-upcoming = À venir
process-status-open = En cours
process-status-closed = Terminée
process-draft = Brouillon (visible par l'équipe seulement)
process-scope-commune = Toute la commune
process-dates-from = Du
process-dates-to = au
process-progress = Temps écoulé : { $percent } %
process-participants = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
process-contributions = { $count ->
    [one] { $count } contribution
   *[other] { $count } contributions
}
process-figures = Chiffres clés
process-elapsed = de la durée écoulée
process-participants-label = { $count ->
    [one] participant
   *[other] participants
}
process-contributions-label = { $count ->
    [one] contribution
   *[other] contributions
}
process-about = Le projet
process-take-part = Participer
process-open-tools = Dans la phase en cours, vous pouvez :
process-no-open-tools = Aucune participation n'est ouverte en ce moment : consultez les étapes ci-dessous.
process-phases = Les étapes
phase-tools = Participation :
process-ical = Ajouter les étapes à mon agenda (iCal)
process-no-phases = Les étapes seront bientôt publiées.
tool-discussion = Débattre
tool-questionnaire = Répondre au questionnaire
tool-proposal = Déposer et soutenir des propositions
field-invalid-date = Choisissez une date qui existe, par exemple le 1er mars 2026.
field-end-before-start = La date de fin doit être après la date de début.
field-outside-process = Les dates de l'étape doivent se situer dans celles de la concertation.
field-invalid-slug = L'adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets.
field-slug-taken = Cette adresse est déjà utilisée.
field-invalid-color = Saisissez une couleur au format #RRVVBB, par exemple #1d4e89.
field-contrast-too-low = Le contraste avec le blanc est trop faible (au moins 4,5:1 pour le niveau AA).
news-title = Actualités
news-feed = S'abonner au fil des actualités (Atom)
news-back = Toutes les actualités
pagination = Pages
pagination-previous = Page précédente
pagination-next = Page suivante
pagination-page = Page { $page } sur { $pages }
## Back-office
nav-admin = Administration
admin-title = Administration
admin-setup-title = À configurer
admin-setup-base-url = L'adresse publique du site (variable base_url, par exemple https://participer.ville.fr) n'est pas configurée : aucun courriel contenant un lien (inscription, mot de passe oublié, invitation) ne peut partir. Voir docs/DEPLOY.md.
admin-back-to-index = Retour à l'administration
admin-saved = Les modifications ont été enregistrées.
admin-save = Enregistrer
admin-view-public = Voir la page publique
admin-view-home = Voir la page d'accueil
admin-list-empty = Rien pour le moment.
admin-status-draft = Brouillon
admin-status-published = Publié
admin-col-title = Titre
admin-col-status = État
admin-col-published = Publication
admin-col-address = Adresse
admin-col-updated = Mise à jour
admin-col-dates = Dates
admin-col-name = Nom
admin-col-tools = Participation
admin-field-title = Titre
admin-field-slug = Adresse de la page
admin-field-slug-hint = Lettres minuscules sans accent, chiffres et tirets. Laissez vide pour la déduire du titre.
admin-field-summary = Résumé
admin-field-body = Texte
admin-field-markdown-hint = Mise en forme Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…). Le code HTML s’affiche comme du texte.
admin-field-status = État
admin-field-scope = Territoire concerné
admin-field-starts = Date de début
admin-field-ends = Date de fin
admin-field-date-hint = Jour inclus : ouvre à minuit et ferme à minuit le lendemain, à l’heure de la commune.
admin-field-name = Nom
admin-field-description = Description
admin-field-tagline = Accroche
admin-field-intro = Texte d'accueil
admin-field-zone = Fuseau horaire
admin-field-zone-hint = Les dates et heures s’affichent à l’heure de la commune, changements d’heure compris, et les phases s’ouvrent et se ferment à son minuit.
admin-field-primary = Couleur principale
admin-field-secondary = Couleur secondaire
admin-field-color-hint = Choisissez une couleur assez foncée : le texte blanc doit rester lisible dessus (contraste d’au moins 4,5:1).
admin-block-hidden = Masqué
admin-block-hint = Position sur la page d'accueil, ou « Masqué ».
admin-block-hero = Bloc « En-tête » (titre, accroche, texte d'accueil)
admin-block-processes = Bloc « Concertations en cours »
admin-block-figures = Bloc « Chiffres clés »
admin-block-phases = Bloc « Prochaines étapes »
admin-block-news = Bloc « Dernières actualités »
admin-site-title = Identité du site et page d'accueil
admin-site-intro = Le nom de la commune, ses couleurs et les blocs de la page d'accueil, dans l'ordre choisi.
admin-news-title = Actualités
admin-news-intro = Rédiger, publier et mettre à jour les actualités.
admin-news-new = Nouvelle actualité
admin-news-no-process = Toute la commune
admin-field-news-process = Concertation
admin-field-news-process-hint = Une nouvelle d'une concertation s'affiche aussi sur sa page, et ses abonnés en sont prévenus.
process-news-title = Actualités de la concertation
admin-news-edit = Modifier l'actualité
admin-pages-title = Pages d'information
admin-pages-intro = À propos, comment participer, mentions légales, confidentialité, conditions d'utilisation, accessibilité.
admin-pages-edit = Modifier la page
admin-processes-title = Concertations
admin-processes-intro = Créer les concertations, leurs dates et leurs étapes.
admin-processes-new = Nouvelle concertation
admin-processes-edit = Modifier la concertation
admin-phases-new = Ajouter une étape
admin-phases-edit = Modifier l'étape
admin-phases-delete = Supprimer cette étape
admin-phases-intro = Étape de « { $process } », qui se déroule du { $starts } au { $ends }.
field-phases-outside = Des étapes sortent de ces dates : modifiez-les d'abord.
admin-current-image = Image actuelle
admin-field-image = Image
admin-field-image-hint = PNG, JPEG ou WebP, 2 Mo au plus.
admin-field-image-alt = Texte alternatif de l'image
admin-field-image-alt-hint = Ce que montre l'image, pour les personnes qui ne la voient pas. Obligatoire avec une image.
admin-field-image-remove = Retirer l'image actuelle
admin-field-logo = Logo
admin-field-favicon = Icône du site (favicon)
field-image-too-large = L'image dépasse 2 Mo.
field-image-type = Choisissez une image PNG, JPEG ou WebP.
field-image-broken = Ce fichier n'est pas une image lisible.
nav-notifications = { $count ->
    [0] Notifications
    [one] Notifications (1 non lue)
   *[other] Notifications ({ $count } non lues)
}
notifications-title = Notifications
notifications-mark-read = Tout marquer comme lu
notifications-new = Nouveau :
notifications-empty = Aucune notification pour le moment.
notifications-how = Suivez une concertation ou une personne pour être prévenu de ce qui s'y passe. Vous pouvez régler ces notifications dans votre profil.
follow = Suivre
unfollow = Ne plus suivre
follow-login = Connectez-vous pour suivre
followers-count = { $count ->
    [0] Personne ne suit encore
    [one] 1 personne suit
   *[other] { $count } personnes suivent
}
profile-since = Inscrit depuis le { $date }
profile-activity = Activité
profile-no-activity = Aucune activité publique pour le moment.
profile-edit-mine = Modifier mon profil
process-activity = Dernières nouvelles de la concertation
home-activity-heading = Dernières activités
home-activity-empty = Rien de nouveau pour le moment.
admin-block-activity = Bloc « Dernières activités »
activity-phase-opened = Étape ouverte :
activity-vote-opened = Le vote est ouvert :
activity-phase-added = Nouvelle étape annoncée :
activity-process-published = Nouvelle concertation :
activity-news-published = Actualité :
search-title = Rechercher
search-label = Rechercher dans les concertations, actualités et pages
search-placeholder = Rechercher…
search-submit = Rechercher
search-count = { $count ->
    [0] Aucun résultat pour « { $q } ».
    [one] 1 résultat pour « { $q } ».
   *[other] { $count } résultats pour « { $q } ».
}
search-capped = Parmi les propositions, les { $count } plus récentes qui correspondent sont classées : ajoutez un mot pour affiner la recherche.
search-shortened = Votre recherche a été raccourcie : seuls ses { $words } premiers mots (et { $chars } caractères au plus) sont cherchés.
search-kind-process = Concertation
search-kind-news = Actualité
search-kind-page = Page
translation-missing = Ce contenu n'est pas encore traduit dans votre langue : il est affiché en { $language }.
language-name-fr = français
language-name-en = anglais
language-name-de = allemand
admin-translations = Traductions
admin-translation-title = Traduction en { $language } : « { $item } »
admin-translation-intro = Laissez un champ vide pour afficher le texte dans la langue par défaut du site.
ranking-title = Comment le classement « les meilleures » est calculé
ranking-intro = Quand vous triez les contributions par « les meilleures », chacune reçoit des points selon ce qu'elle a suscité, puis ces points diminuent avec le temps pour laisser leur chance aux nouvelles. La formule est publique et la même pour tout le monde.
ranking-points-heading = Les points
ranking-up = chaque réaction « pour » : + { $points } point
ranking-down = chaque réaction « contre » : − { $points } point
ranking-reply = chaque réponse : + { $points } point, pour { $cap } réponses au plus
ranking-impact = le badge « impact » donné par la commune (la contribution a changé le projet) : + { $points } points
ranking-age = les points sont divisés par deux au bout de { $days } jours, par trois au bout du double, et ainsi de suite
ranking-example-heading = Un exemple
ranking-example = Une contribution d'une semaine avec 12 « pour », 2 « contre » et 4 réponses totalise { $points } points ; avec son âge, son score est de { $score }.
ranking-never-heading = Ce que le classement n'utilise jamais
ranking-never = Rien sur la personne qui écrit : ni son nom, ni son rôle, ni son quartier, ni son ancienneté, ni le nombre de ses contributions. À égalité, la plus récente passe devant.
ranking-official = La réponse officielle de la commune n'entre pas dans le calcul : elle est toujours affichée en premier.
ranking-source = La formule se trouve dans le code source libre de Palabre (crates/domain/src/ranking.rs) : cette page en reprend les valeurs exactes.
ranking-proposal-heading = L'ordre « Les meilleures » des propositions
ranking-proposal-intro = Il met en balance les soutiens et la fraîcheur, pour que les nouvelles propositions aient leur chance sans que les plus soutenues disparaissent. Le calcul ne dépend que du nombre de soutiens et de la date de publication : personne ne peut le régler à la main.
ranking-proposal-supports = Soutiens : on compte le logarithme décimal du nombre de soutiens plus un (tracé en ligne droite entre 1, 10, 100…) ; chaque fois dix fois plus de soutiens donne un point.
ranking-proposal-age = Fraîcheur : chaque tranche de { $days } jours de publication plus récente donne aussi un point.
ranking-proposal-example = Exemple : une proposition à 9 soutiens est à égalité avec une proposition sans soutien publiée { $days } jours plus tard ; à 99 soutiens, avec une proposition sans soutien publiée { $twice } jours plus tard. À égalité, la plus récente passe devant.
footer-transparency = Transparence
footer-open-data = Données ouvertes
nav-discussions = Débats
discussions-title = Débats
discussions-intro = Les questions que la commune vous pose : donnez votre avis, répondez aux autres, soutenez les meilleures contributions.
discussions-empty = Aucun débat n'est publié pour le moment.
discussion-comments = { $count ->
    [0] Aucune contribution
    [one] 1 contribution
   *[other] { $count } contributions
}
discussion-closed = Ce débat n'est pas ouvert : on ne peut pas y contribuer en ce moment.
comments-title = Contributions
comments-pagination = Pages des contributions
comments-empty = Aucune contribution pour le moment : soyez la première personne à répondre.
comment-add = Donner mon avis
comment-field-stance = Ma position
comment-field-body = Mon avis
comment-field-body-hint = 5 000 caractères au plus. Mise en forme Markdown possible.
comment-send = Publier
comment-login = Connectez-vous pour participer
comment-withdrawn = Contribution retirée par son auteur.
comment-edited = modifiée
comment-hidden = Masquée (en attente de modération)
comment-reactions = { $up } d’accord · { $down } pas d’accord
react-up = D’accord
react-down = Pas d’accord
comment-edit = Modifier
comment-edit-title = Modifier ma contribution
comment-edit-hint = Vous pouvez modifier une contribution pendant 15 minutes après l'avoir publiée.
comment-save = Enregistrer
comment-withdraw-confirm = Retirer ce commentaire ? Son texte disparaît pour tout le monde ; les réponses restent.
comment-withdraw-yes = Oui, retirer
comment-withdraw = Retirer
comment-report = Signaler
comment-report-reason = Pourquoi signalez-vous cette contribution ?
comment-report-send = Envoyer le signalement
comment-reported = Merci : l'équipe de modération va examiner ce signalement.
comment-held = Merci ! Votre contribution contient un mot que la commune fait relire : elle sera visible après la relecture d'un modérateur.
comment-reply = Répondre
comment-reply-label = Ma réponse
comment-reply-send = Publier la réponse
comment-badge = Badge
comment-badge-set = Appliquer
comment-hide = Masquer
comment-show = Rétablir
comment-too-deep = On ne peut pas répondre plus loin dans ce fil : répondez au message précédent.
comment-own-reaction = Vous ne pouvez pas réagir à votre propre contribution.
comment-edit-too-late = Le délai de 15 minutes pour modifier cette contribution est passé.
stance-for = Pour
stance-against = Contre
stance-neutral = Neutre
stance-none = Je ne précise pas
stance-all = Toutes
stance-filter = Filtrer par position
stance-count-for = { $count } pour
stance-count-against = { $count } contre
stance-count-neutral = { $count ->
    [one] { $count } neutre
   *[other] { $count } neutres
}
sort-label = Trier
sort-best = Les meilleures
sort-newest = Les plus récentes
sort-oldest = Les plus anciennes
sort-how = Comment ce classement est calculé
badge-none = Aucun
badge-official = Réponse officielle
badge-impact = Impact
activity-comment = Contribution :
activity-reply = Réponse :
search-kind-discussion = Débat
tool-discussion-heading = Les débats
tool-questionnaire-heading = Les questionnaires
tool-proposal-heading = Les propositions
admin-discussions-title = Débats
admin-discussions-intro = Poser une question aux habitants, dans une concertation ou à part.
admin-discussions-new = Nouveau débat
admin-discussions-edit = Modifier le débat
admin-col-question = Question
admin-field-question = Question posée
admin-field-context = Contexte
admin-field-process = Concertation
admin-no-process = Aucune (débat à part)
activity-official-answer = Réponse officielle de la commune :

## Opinion map, following a discussion, citizens opening discussions
admin-field-opinion-map = Carte des opinions
admin-field-opinion-map-hint = Les participants proposent de courtes affirmations et votent d'accord, pas d'accord ou je passe ; la carte montre les groupes d'opinion et les points de consensus.
admin-field-citizen-discussions = Les habitants peuvent ouvrir des débats
admin-field-citizen-discussions-hint = Pendant une phase où l'outil débat est ouvert, toute personne inscrite peut poser une question.
field-duplicate = Ce texte a déjà été proposé.
field-invalid-location = Indiquez une latitude entre -90 et 90 et une longitude entre -180 et 180 (par exemple 47,3968 et 0,9842), ou laissez les deux vides.
opinion-title = Carte des opinions
opinion-title-of = Carte des opinions : { $question }
opinion-callout = Votez sur de courtes affirmations et découvrez les groupes d'opinion et les points qui rassemblent.
opinion-open = Voter et voir la carte
opinion-how = Chaque affirmation est présentée seule : dites si vous êtes d'accord, pas d'accord, ou passez. Vous pouvez aussi proposer la vôtre (140 caractères au plus), publiée après relecture par la modération. La carte regroupe les personnes qui votent de la même façon ; elle ne montre aucun nom.
opinion-vote-title = Votez
opinion-statement = Affirmation
opinion-progress = { $voted ->
    [0] Aucun vote de votre part pour l'instant
    [one] 1 vote de votre part
   *[other] { $voted } votes de votre part
} · { $left ->
    [0] plus aucune affirmation à voter
    [one] 1 affirmation restante
   *[other] { $left } affirmations restantes
}
vote-agree = D'accord
vote-disagree = Pas d'accord
vote-pass = Je passe
opinion-all-voted = Vous avez voté sur toutes les affirmations. Revenez plus tard : d'autres seront proposées.
opinion-login = Connectez-vous pour voter et proposer des affirmations.
statement-add = Proposer une affirmation
statement-field = Votre affirmation
statement-field-hint = Une phrase courte et claire, 140 caractères au plus, sur laquelle on peut être d'accord ou non.
statement-send = Proposer
statement-sent-pending = Merci ! Votre affirmation sera soumise au vote dès que la modération l'aura relue.
statement-sent-accepted = L'affirmation est publiée et soumise au vote.
statement-mine-pending = Vos affirmations en attente de relecture
statement-queue = Affirmations à relire
statement-accept = Publier
statement-reject = Refuser
statement-own-vote = Vous ne pouvez pas voter sur votre propre affirmation.
statement-vote-choice = Choisissez « D'accord », « Pas d'accord » ou « Je passe ».
statement-decision-choice = Choisissez de publier ou de refuser l'affirmation.
opinion-map-title = La carte
opinion-map-desc = Chaque point est une personne ; les personnes proches votent de la même façon. Les lettres désignent les groupes décrits dans le tableau ci-dessous.
opinion-map-caption = Chaque point est une personne, placée selon ses votes ; le point entouré, c'est vous.
opinion-updated = Carte calculée le { $date } à { $time }, recalculée au plus une fois par minute après de nouveaux votes.
opinion-summary = { $placed ->
    [one] 1 personne
   *[other] { $placed } personnes
} sur la carte, en { $groups } groupes d'opinion.
opinion-you-are-in = Vous êtes dans le groupe { $letter }.
opinion-group = Groupe { $letter }
opinion-group-size = { $count ->
    [one] 1 personne
   *[other] { $count } personnes
}
opinion-groups-title = Ce qui distingue chaque groupe
opinion-col-group = Groupe
opinion-col-people = Personnes
opinion-col-distinctive = Affirmations qui le distinguent des autres
opinion-none = Rien de marquant
opinion-share-agree = { $percent } % d'accord
opinion-share-disagree = { $percent } % pas d'accord
opinion-consensus-title = Points de consensus
opinion-no-consensus = Aucune affirmation ne rassemble encore tous les groupes.
opinion-not-enough = La carte apparaîtra quand au moins { $people } personnes auront voté chacune sur { $votes } affirmations.
opinion-no-votes = Aucun vote pour l'instant : la carte apparaîtra avec les premiers votes.
opinion-statements-title = Toutes les affirmations et leurs votes
activity-discussion-opened = Nouveau débat :
discussion-new-title = Ouvrir un débat
discussion-new-intro = Posez une question aux autres habitants. Elle est publiée tout de suite et reste ouverte jusqu'à la fin de l'étape en cours ; la modération peut la retirer si elle ne respecte pas les conditions d'utilisation.
discussion-new-question = Votre question
discussion-new-question-hint = 300 caractères au plus.
discussion-new-context = Contexte
discussion-new-context-hint = Facultatif. Ce que les autres doivent savoir pour répondre ; mise en forme Markdown possible.
discussion-new-submit = Publier le débat
discussion-new-link = Ouvrir un débat dans cette concertation
discussion-badges = { $official ->
    [0] aucune réponse officielle
    [one] 1 réponse officielle
   *[other] { $official } réponses officielles
}, { $impact ->
    [0] aucune contribution qui a changé le projet
    [one] 1 contribution qui a changé le projet
   *[other] { $impact } contributions qui ont changé le projet
}

## Questionnaires
nav-proposals = Propositions
nav-questionnaires = Questionnaires
search-kind-questionnaire = Questionnaire
activity-questionnaire-answered = Réponse au questionnaire :
activity-questionnaire-published = Nouveau questionnaire :
percent = { $value } %
questionnaires-title = Questionnaires
questionnaires-empty = Aucun questionnaire pour l'instant.
questionnaire-responses = { $count ->
    [0] Aucune réponse
    [one] 1 réponse
   *[other] { $count } réponses
}
questionnaire-size = { $sections ->
    [one] 1 partie
   *[other] { $sections } parties
}, { $questions ->
    [one] 1 question
   *[other] { $questions } questions
}.
questionnaire-anonymous = Vos réponses sont anonymes : elles ne sont liées à aucun compte. Un jeton enregistré dans votre navigateur permet seulement de reprendre vos réponses et d'éviter de répondre deux fois.
questionnaire-anonymous-short = Anonyme
questionnaire-signed = Une réponse par personne inscrite. Vos réponses sont enregistrées au fil des parties : vous pouvez vous arrêter et reprendre plus tard.
questionnaire-start = Répondre
questionnaire-resume = Reprendre mes réponses
questionnaire-already = Vous avez déjà répondu à ce questionnaire. Merci !
questionnaire-not-open = Ce questionnaire n'est pas ouvert en ce moment.
questionnaire-login = Connectez-vous pour répondre.
questionnaire-results = Voir les résultats
questionnaire-open-data = Données ouvertes (JSON)
questionnaire-export-csv = Exporter les réponses (CSV)
questionnaire-export-json = Exporter les réponses (JSON)
questionnaire-progress = Partie { $current } sur { $total }
questionnaire-previous = Partie précédente
questionnaire-next = Enregistrer et continuer
questionnaire-send = Envoyer mes réponses
questionnaire-saved-as-you-go = Vos réponses sont enregistrées à chaque partie.
questionnaire-done-title = Merci pour vos réponses
questionnaire-done = Vos réponses ont bien été enregistrées.
receipt-ask = M'envoyer une copie de mes réponses par courriel
receipt-subject = Vos réponses : { $title }
receipt-intro = Voici une copie de vos réponses au questionnaire « { $title } ».
receipt-action = Revoir le questionnaire
answer-required = Répondez à cette question.
answer-too-long = Ce texte est trop long ({ $max } caractères au plus).
answer-invalid-choice = Choisissez une des réponses proposées.
answer-other-missing = Précisez votre réponse « Autre ».
answer-too-few = Choisissez au moins { $min } réponses.
answer-too-many = Choisissez au plus { $max } réponses.
answer-not-a-number = Saisissez un nombre, par exemple 12 ou 3,5.
answer-out-of-range = Choisissez une valeur de { $min } à { $max }.
answer-below-min = Saisissez un nombre supérieur ou égal à { $min }.
answer-above-max = Saisissez un nombre inférieur ou égal à { $max }.
answer-ranking-incomplete = Classez toutes les réponses, ou aucune.
answer-ranking-repeated = Chaque rang ne peut être donné qu'une fois.
answer-row-missing = Répondez pour chaque ligne.
answer-bounds-both = Choisissez de { $min } à { $max } réponses.
answer-bounds-min = Choisissez au moins { $min } réponses.
answer-bounds-max = Choisissez au plus { $max } réponses.
answer-number-between = Un nombre de { $min } à { $max }.
answer-ranking-hint = Donnez le rang 1 à votre premier choix, 2 au suivant, et ainsi de suite.
answer-yes = Oui
answer-no = Non
answer-other = Autre
answer-other-specify = Précisez
results-title = Résultats : { $title }
results-private = Ces résultats ne sont visibles que par l'équipe de la commune pour l'instant.
results-anonymous-note = Ce questionnaire est anonyme : chacun a pu répondre sans compte. Ces résultats montrent les réponses reçues, pas un nombre de personnes : une même personne a pu répondre plusieurs fois depuis d'autres navigateurs. Ils éclairent une décision ; ils ne valent pas un vote.
results-answered = { $count ->
    [0] Personne n'a répondu à cette question
    [one] 1 personne a répondu
   *[other] { $count } personnes ont répondu
}
results-multiple-note = plusieurs réponses possibles : chaque réponse est comptée, les pourcentages dépassent 100 % au total
results-col-answer = Réponse
results-col-count = Nombre
results-table-show = Voir les chiffres en tableau
results-col-share = Part des personnes ayant répondu
results-col-value = Valeur
results-col-measure = Mesure
results-col-month = Mois
results-col-borda = Score de Borda
results-col-first = Classé premier
results-mean-median = Moyenne { $mean }, médiane { $median }.
results-mean = Moyenne
results-median = Médiane
results-min = Minimum
results-max = Maximum
results-borda = Score de Borda : { $points } points pour un premier rang, un de moins à chaque rang suivant, 0 pour le dernier.
results-texts-link = Lire les réponses libres
results-texts-search = Chercher dans les réponses
results-texts-count = { $count ->
    [0] Aucune réponse
    [one] 1 réponse
   *[other] { $count } réponses
}
open-data-licence = Licence Ouverte / Open Licence 2.0 (Etalab)
questionnaire-new-title = Nouveau questionnaire
questionnaire-settings-title = Réglages du questionnaire
questionnaire-builder-title = Construire le questionnaire
questionnaire-builder-of = Construire : { $title }
questionnaire-preview = Aperçu
questionnaire-preview-of = Aperçu : { $title }
questionnaire-preview-note = Aperçu de toutes les parties et questions, sans enregistrement. Les conditions sont indiquées sous les questions concernées.
questionnaire-version = Version { $version }
questionnaire-locked-title = Questions figées
questionnaire-locked = Des personnes ont commencé à répondre : les parties et les questions ne peuvent plus changer. Publiez une nouvelle version pour les modifier.
questionnaire-anonymous-locked = Des réponses existent : le mode anonyme ne peut plus changer.
questionnaire-new-version = Créer une nouvelle version
questionnaire-section-title = Partie du questionnaire
questionnaire-question-new = Ajouter une question
questionnaire-question-edit = Modifier la question
questionnaire-field-title = Titre
questionnaire-field-intro = Présentation
questionnaire-field-anonymous = Réponses anonymes
questionnaire-field-anonymous-hint = Tout le monde peut répondre sans compte ; aucune réponse n'est liée à une personne. Ce que cela ne garantit pas : une réponse par personne. Un jeton par navigateur évite les doublons involontaires, et au plus 60 réponses par minute partent d'une même adresse, mais quelqu'un de déterminé peut répondre plusieurs fois (un autre navigateur, une autre adresse). Pour une question qui engage la commune, décochez : seuls les habitants connectés répondront, une fois chacun. Ne peut plus changer une fois des réponses reçues.
questionnaire-field-results-public = Résultats publics
questionnaire-field-results-from = Résultats publics à partir du
questionnaire-field-results-from-hint = Facultatif. Vide : dès maintenant, si les résultats sont publics.
questionnaire-field-open-data-text = Inclure les réponses libres dans les données ouvertes
questionnaire-field-open-data-text-hint = À ne cocher que si les réponses libres ne contiennent pas de données personnelles.
questionnaire-field-section = Partie
questionnaire-field-section-title = Titre de la partie
questionnaire-field-section-description = Présentation de la partie
questionnaire-field-kind = Type de question
questionnaire-field-label = Question
questionnaire-field-help = Aide
questionnaire-field-required = Réponse obligatoire
questionnaire-field-options = Choix proposés
questionnaire-field-options-hint = Un par ligne, au moins deux.
questionnaire-field-rows = Lignes de la grille
questionnaire-field-rows-hint = Une par ligne : les sujets que l'on note dans chaque colonne.
questionnaire-field-columns = Colonnes de la grille
questionnaire-field-columns-hint = Une par ligne, au moins deux : la réponse que l'on choisit pour chaque ligne (par exemple « Souvent », « Parfois », « Jamais »).
questionnaire-field-kind-hint = Le formulaire montre les réglages de ce type. Pour changer de type, choisissez-le et enregistrez : les réglages du nouveau type s'affichent s'il en manque.
questionnaire-field-min-hint-multiple = Le nombre de réponses qu'il faut cocher au moins (vide : aucun minimum).
questionnaire-field-max-hint-multiple = Le nombre de réponses que l'on peut cocher au plus (vide : toutes).
questionnaire-field-min-hint-number = La plus petite valeur acceptée (vide : aucune limite).
questionnaire-field-max-hint-number = La plus grande valeur acceptée (vide : aucune limite).
questionnaire-field-max-hint-scale = La note la plus haute, de 2 à 10 (5 si vide).
questionnaire-field-other = Proposer « Autre, précisez »
questionnaire-field-min = Minimum
questionnaire-field-max = Maximum
questionnaire-field-min-label = Libellé du bas de l'échelle
questionnaire-field-max-label = Libellé du haut de l'échelle
questionnaire-field-condition = Afficher seulement si
questionnaire-field-condition-hint = La question n'apparaît que si une réponse d'une partie précédente a été choisie.
condition-none = Toujours afficher
condition-text = Affichée si Q{ $n } = « { $option } »
condition-broken = Condition sur une question supprimée
kind-short_text = Texte court
kind-long_text = Texte long
kind-single = Choix unique
kind-multiple = Choix multiples
kind-scale = Échelle linéaire
kind-ranking = Classement
kind-matrix = Grille (lignes × choix)
kind-number = Nombre
kind-date = Date
kind-yes_no = Oui / non
builder-add-section = Ajouter une partie
builder-first-section = Partie 1
builder-question-kind = Type de la nouvelle question
builder-edit-section = Modifier la partie
builder-delete-section = Supprimer la partie…
builder-delete-section-confirm = La partie et toutes ses questions seront supprimées.
builder-delete = Supprimer…
builder-delete-confirm = Confirmer la suppression
builder-up = Monter
builder-down = Descendre
builder-col-actions = Actions
builder-no-questions = Aucune question dans cette partie.
tool-discussion-count = { $count ->
    [0] Aucune contribution
    [one] 1 contribution
   *[other] { $count } contributions
}
tool-questionnaire-count = { $count ->
    [0] Aucune réponse
    [one] 1 réponse
   *[other] { $count } réponses
}
tool-proposal-count = { $count ->
    [0] Aucun soutien
    [one] 1 soutien
   *[other] { $count } soutiens
}
admin-questionnaires-intro = Construire des questionnaires, suivre les réponses, publier les résultats et exporter les données.

## Proposals
pagination-label = Pages
search-kind-proposal = Proposition
activity-proposal-published = Nouvelle proposition :
activity-proposal-threshold = Seuil de soutiens atteint :
activity-proposal-answered = Réponse de la commune à la proposition :
proposals-all-title = Toutes les propositions
proposals-all-intro = Les idées des habitants, dans toutes les concertations. Soutenez celles qui vous tiennent à cœur.
proposal-new-in = Déposer une proposition : { $process }
proposal-filters-title = Trier et filtrer
proposal-field-process = Concertation
proposal-not-open-title = Le dépôt des propositions n’est pas ouvert
proposal-opens-on = Dans « { $process } », le dépôt des propositions ouvre le { $date }. Revenez à partir de ce jour-là : vous pouvez déjà suivre la concertation.
proposal-submissions-closed = Dans « { $process } », le dépôt des propositions est fermé. Vous pouvez encore lire et commenter les propositions déposées.
proposals-of = Propositions : { $process }
proposals-empty = Aucune proposition ne correspond.
proposal-new-title = Déposer une proposition
proposal-form-intro = Votre proposition est d'abord enregistrée comme brouillon, visible de vous seul : vous verrez les propositions semblables avant de la publier.
proposal-save-draft = Enregistrer le brouillon
proposal-field-title = Titre
proposal-field-title-hint = 150 caractères au plus.
proposal-field-body = Votre proposition
proposal-field-category = Thème
proposal-field-district = Quartier
proposal-field-address = Adresse
proposal-field-address-hint = Facultatif : où se situe votre proposition.
proposal-field-latitude = Latitude
proposal-field-longitude = Longitude
proposal-field-location-hint = Facultatif : les coordonnées du lieu (par exemple 47.392 et 0.688).
proposal-no-category = Sans thème
proposal-draft = Brouillon
proposal-draft-title = Avant de publier
proposal-draft-intro = Ce brouillon n'est visible que de vous. Regardez si une proposition semblable existe déjà : la soutenir lui donnera plus de poids.
proposal-delete = Supprimer ce brouillon
proposal-delete-confirm = Supprimer ce brouillon ? Son texte, son image et son adresse sont effacés ; rien n'a été publié.
proposal-delete-yes = Oui, supprimer
proposal-deleted = Brouillon supprimé.
proposal-your-drafts = Vos brouillons (visibles de vous seul)
proposal-draft-edited = modifié le { $date }
proposal-similar = Propositions semblables
proposal-no-similar = Aucune proposition semblable n'a été trouvée.
proposal-publish = Publier la proposition
proposal-edit = Modifier le brouillon
proposal-closed = Le dépôt de propositions n'est pas ouvert en ce moment.
proposal-location = Lieu
proposal-location-osm = voir sur OpenStreetMap
proposal-supports-title = Soutiens
proposal-support = Soutenir cette proposition
proposal-field-body-hint = Vous pouvez mettre des mots en **gras** ou en *italique*, et faire une liste en commençant les lignes par « - ».
proposal-you-support = Vous soutenez cette proposition.
proposal-unsupport = Retirer mon soutien
proposal-support-login = Connectez-vous pour soutenir cette proposition.
proposal-supports-closed = Les soutiens ne sont pas ouverts pour cette proposition en ce moment.
proposal-support-own = Vous ne pouvez pas soutenir votre propre proposition.
proposal-support-limit = Vous avez déjà donné vos { $count } soutiens dans cette concertation : retirez-en un pour soutenir celle-ci.
proposal-threshold = seuil : { $count } soutiens
proposal-threshold-reached = Seuil atteint
proposal-answers-title = Réponses de la commune
proposal-no-answer = La commune n'a pas encore répondu.
proposal-comments-closed = Les commentaires sont fermés : la période des propositions est terminée.
proposal-field-status = Statut
proposal-field-answer = Réponse publique
proposal-field-answer-hint = Obligatoire pour un refus : la raison.
proposal-answer-send = Publier la réponse
proposal-reason-required = Indiquez la raison du refus.
proposal-export-csv = Exporter les propositions (CSV)
proposal-export-json = Exporter les propositions (JSON)
proposal-sort-label = Trier par
proposal-sort-newest = Les plus récentes
proposal-sort-supported = Les plus soutenues
proposal-sort-best = Les meilleures
proposal-sort-random = Au hasard
proposal-map-open = Voir sur la carte
proposal-map-title = Carte des propositions · { $process }
proposal-map-intro = Les propositions situées, les plus soutenues d'abord. La liste sous la carte donne les mêmes propositions.
proposal-map-list = Propositions situées
proposal-map-empty = Aucune proposition n'est encore située.
proposal-map-more = Les { $shown } propositions les plus soutenues sont montrées ; filtrez par statut, thème ou quartier pour voir les autres.
proposal-sort-how = Comment l'ordre « Les meilleures » est calculé
proposal-filter-all = Tous
proposal-filter-mine = Mes propositions
proposal-filter-supported = Celles que je soutiens
proposal-filter-apply = Afficher
proposal-status-open = Ouverte
proposal-status-review = À l'étude
proposal-status-accepted = Retenue
proposal-status-rejected = Non retenue
proposal-status-progress = En cours de réalisation
proposal-status-done = Réalisée
proposals-see-all = Voir toutes les propositions
amendments-title = Amendements
amendments-none = Aucun amendement proposé.
amendment-add = Proposer une version amendée
amendment-field = Texte amendé
amendment-field-hint = Modifiez le texte de la proposition ; son auteur acceptera ou refusera votre version.
amendment-send = Proposer cet amendement
amendment-accept = Accepter
amendment-reject = Refuser
amendment-pending = En attente de l'auteur
amendment-accepted = Accepté
amendment-rejected = Refusé
amendment-own = Modifiez votre brouillon plutôt que d'amender votre propre proposition.
amendment-same = Le texte amendé est identique au texte actuel.
activity-amendment-proposed = Amendement proposé :
activity-amendment-accepted = Amendement accepté :
activity-amendment-rejected = Amendement refusé :
proposal-open-data = Données ouvertes des propositions (JSON)

# Maps (kit::map)
map-attribution = contributeurs OpenStreetMap
map-label = Carte des propositions situées
map-pick = Cliquez sur la carte pour situer votre proposition, ou déplacez la carte et utilisez le bouton ci-dessous.
map-here = Placer au centre de la carte
map-locate = Trouver l'adresse sur la carte
map-found = Adresse trouvée. Vérifiez le point sur la carte et déplacez-le si besoin.
map-not-found = Adresse introuvable. Placez le point sur la carte.
map-coordinates = Saisir les coordonnées
map-place = Lieu de la proposition

# Moderation (admin)
moderation-title = Modération
moderation-intro = Les contributions signalées, avec les raisons : masquer, rétablir ou classer.
moderation-threshold = Une contribution signalée { $count ->
    [one] une fois
   *[other] { $count } fois
} est masquée en attendant votre décision.
moderation-done-hidden = { $count ->
    [one] { $count } contribution masquée : son auteur est prévenu, avec le motif s’il y en a un.
   *[other] { $count } contributions masquées : leurs auteurs sont prévenus, avec le motif s’il y en a un.
}
moderation-done-restored = { $count ->
    [one] { $count } contribution rétablie : elle est de nouveau visible.
   *[other] { $count } contributions rétablies : elles sont de nouveau visibles.
}
moderation-done-dismissed = { $count ->
    [one] Signalements écartés pour { $count } contribution : elle reste visible.
   *[other] Signalements écartés pour { $count } contributions : elles restent visibles.
}
moderation-done = { $count ->
    [0] Rien à traiter : un autre modérateur est peut-être passé avant vous.
    [one] 1 contribution traitée.
   *[other] { $count } contributions traitées.
}
moderation-reports = { $count ->
    [one] 1 signalement
   *[other] { $count } signalements
}
moderation-reasons = Raisons des signalements
moderation-hide = Masquer
moderation-restore = Rétablir
moderation-dismiss = Classer sans suite
moderation-reason = Raison envoyée à l'auteur si vous masquez
moderation-reason-hint = Facultatif, 500 caractères au plus. Sans raison, l'auteur est prévenu que sa contribution a été masquée.
moderation-bulk = Plusieurs à la fois
moderation-bulk-label = Pour les contributions cochées
moderation-bulk-apply = Appliquer
moderation-none-ticked = Cochez au moins une contribution.
moderation-empty = Aucune contribution n'attend de modération.
moderation-kind-discussion = Débat
moderation-kind-proposal = Proposition
moderation-kind-news = Actualité
moderation-hidden-no-reason = Votre contribution a été masquée par la modération.
activity-comment-hidden = Contribution masquée par la modération :
nav-moderation = Modération
moderation-select = Cocher pour une action groupée

# People (admin)
people-title = Personnes
people-intro = Trouver un compte, changer son rôle, le bloquer ou le débloquer.
people-search = Nom ou adresse e-mail
people-search-button = Chercher
people-col-name = Nom
people-col-email = Adresse e-mail
people-col-role = Rôle
people-col-since = Inscrit le
people-none = Aucun compte ne correspond.
people-blocked = Bloqué
people-profile = Voir le profil public
people-role-citizen = Habitant
people-role-moderator = Modérateur
people-role-admin = Administrateur
people-role-visitor = Visiteur
people-role-title = Rôle
people-role-hint = Le changement met fin à toutes les sessions de la personne : elle se reconnecte avec son nouveau rôle.
people-role-save = Changer le rôle
people-block-title = Blocage
people-block-intro = Un compte bloqué peut lire le site et gérer ses données, mais plus contribuer ; ses contributions sont masquées et passent en modération.
people-block-reason = Raison du blocage
people-block-confirm = Je confirme le blocage de ce compte
people-block-confirm-missing = Cochez la case de confirmation pour bloquer ce compte.
people-block = Bloquer le compte
people-blocked-because = Compte bloqué. Raison :
people-unblock = Débloquer le compte
people-not-yourself = Vous ne pouvez ni changer votre propre rôle ni bloquer votre propre compte.

# Dashboard (admin)
dashboard-title = Tableau de bord
dashboard-participants = { $count ->
    [one] habitant inscrit
   *[other] habitants inscrits
}
dashboard-comments = contributions écrites
dashboard-proposals = propositions publiées
dashboard-supports = soutiens
dashboard-responses = réponses aux questionnaires
dashboard-votes = votes sur les cartes des opinions
dashboard-new-accounts = { $count ->
    [0] Aucun nouveau compte
    [one] 1 nouveau compte
   *[other] { $count } nouveaux comptes
} ces { $days } derniers jours.
dashboard-reports = { $count ->
    [one] 1 contribution signalée attend la modération
   *[other] { $count } contributions signalées attendent la modération
}
dashboard-chart-title = Contributions par jour (écrits, propositions, réponses), { $days } derniers jours
dashboard-chart-max = jour le plus actif :
dashboard-chart-table = Les mêmes chiffres en tableau
dashboard-col-day = Jour
dashboard-col-contributions = Contributions
dashboard-processes = Par concertation
dashboard-attention = À traiter
dashboard-calm = Rien n'attend pour l'instant.
dashboard-unanswered = Seuil atteint, sans réponse de la commune :
dashboard-unanswered-all = { $count ->
    [one] 1 proposition attend la réponse de la commune
   *[other] { $count } propositions attendent la réponse de la commune
}
dashboard-totals-note = Depuis l'ouverture du site. Une concertation, plus bas, compte les personnes qui y ont contribué et leurs contributions.
dashboard-phase-soon = Étape qui commence bientôt :

# Audit log and mail outbox (admin)
audit-title = Journal d'audit
audit-intro = Qui a fait quoi, quand et d'où : connexions, changements de rôle, actions de l'équipe.
audit-who = Personne (nom ou e-mail)
audit-action = Action
audit-from = Du
audit-to = Au
audit-col-when = Quand
audit-col-subject = Sur quoi
audit-col-ip = Adresse IP
audit-kept = Chaque entrée est conservée { $days } jours, puis supprimée automatiquement.
audit-retention-change = Modifier la durée de conservation
audit-retention-title = Conservation du journal d'audit
audit-retention-intro = Le journal d'audit garde la trace des connexions et des actions de l'équipe. Il contient des données personnelles (noms, adresses IP) : conservez-le le temps nécessaire, pas davantage.
audit-field-days = Durée de conservation (en jours)
audit-field-days-hint = Entre 30 et 3 650 jours ; 365 par défaut. La CNIL recommande de six mois à un an pour les journaux de sécurité : une durée plus longue doit être justifiée dans votre registre des traitements. Les entrées plus anciennes sont supprimées dans l'heure qui suit.
mail-title = Courriels envoyés
mail-intro = Ce qui est parti ou attend de partir, et comment s'est passée la remise.
mail-col-to = Destinataire
mail-col-kind = Type
mail-col-subject = Objet
mail-col-status = État
mail-col-attempts = Essais
mail-col-outcome = Envoyé le, ou erreur
mail-status-queued = En attente
mail-status-sent = Envoyé
mail-status-failed = Échec
log-older = Plus anciens

# Exports (admin)
exports-title = Exports
exports-intro = Les données de chaque concertation : tableurs (CSV) et JSON pour l'équipe, données ouvertes sans données personnelles pour tous.
exports-bundle = Toutes les données ouvertes de la commune (JSON)
exports-proposals = Propositions
exports-questionnaire = Questionnaire « { $title } »
exports-discussion = Commentaires du débat « { $title } »
comments-export = Exporter ces commentaires (équipe)
csv-col-id = Numéro
csv-col-title = Titre
csv-col-author = Auteur
csv-col-category = Thème
csv-col-district = Quartier
csv-col-address = Adresse
csv-col-latitude = Latitude
csv-col-longitude = Longitude
csv-col-status = Statut
csv-col-supports = Soutiens
csv-col-threshold_reached = Seuil atteint
csv-col-published = Publiée le
csv-col-response = Réponse
csv-col-submitted = Envoyée le
csv-col-parent = En réponse au numéro
csv-col-written = Écrit le
csv-col-stance = Position
csv-col-agree = D'accord
csv-col-disagree = Pas d'accord
csv-col-badge = Distinction
csv-col-hidden = Masqué
csv-col-withdrawn = Retiré par son auteur
csv-col-body = Texte
csv-yes = oui
csv-no = non
exports-excel = Tableur (Excel, LibreOffice)
exports-csv = CSV
exports-json = JSON
exports-open-data = données ouvertes
moderation-settings-title = Réglages de la modération
moderation-field-threshold = Signalements qui masquent une contribution
moderation-field-threshold-hint = Entre 1 et 100 ; 3 par défaut. La contribution reste masquée jusqu'à la décision d'un modérateur.
moderation-field-keywords = Mots surveillés
moderation-field-keywords-hint = Un mot ou une expression par ligne. Une contribution qui en contient un attend la relecture d'un modérateur (sauf pour les personnes de confiance).
people-trust-title = Confiance
people-trusted = Personne de confiance : ses contributions ne passent pas par les mots surveillés.
people-not-trusted = Ses contributions passent par les mots surveillés.
people-trust = Marquer comme personne de confiance
people-untrust = Retirer la confiance
people-invite-title = Inviter un membre de l'équipe
people-invite-intro = La personne reçoit un courriel avec un lien, valable une semaine, pour choisir son mot de passe.
people-invite-hint = Un modérateur traite les signalements ; un administrateur gère tout le site.
people-invite-send = Envoyer l'invitation
mail-invite-subject = Invitation à rejoindre l'équipe de { $site }
mail-invite-body = Bonjour, vous êtes invité à rejoindre l'équipe de la plateforme de participation, avec le rôle : { $role }. Ouvrez le lien ci-dessous dans la semaine pour choisir votre mot de passe.
mail-invite-action = Choisir mon mot de passe
dashboard-col-participants = Participants

## Accessibility statement: what Palabre checks on every change (pages::show, slug "accessibility")
a11y-checks-title = Ce que Palabre vérifie à chaque modification
a11y-checks-intro = Le logiciel Palabre est testé automatiquement dans un vrai navigateur (Chromium), en français, en anglais et en allemand, avec et sans JavaScript : un habitant, un membre du personnel et un visiteur parcourent le site, et chaque page visitée passe les règles WCAG 2.1 A et AA d'axe-core. Ces tests ne couvrent qu'une partie du RGAA 4.1 ; le reste demande un audit humain.
a11y-auto-title = Critères RGAA vérifiés automatiquement
a11y-auto-1 = 1.1 : chaque image porteuse d'information a une alternative textuelle.
a11y-auto-2 = 3.2 : le contraste entre le texte et son arrière-plan est suffisant.
a11y-auto-3 = 5.6 et 5.7 : les en-têtes des tableaux de données sont déclarés et reliés à leurs cellules.
a11y-auto-4 = 6.2 : chaque lien a un intitulé.
a11y-auto-5 = 8.2, 8.3, 8.5 et 8.7 : code sans identifiant en double, langue par défaut, titre de page et changements de langue présents et valides.
a11y-auto-6 = 9.3 : les listes sont correctement structurées.
a11y-auto-7 = 10.7 : la prise de focus est visible sur chaque élément atteint au clavier.
a11y-auto-8 = 11.1, 11.2 (présence) et 11.13 (validité) : chaque champ a une étiquette, et la finalité déclarée des champs d'identité est valide.
a11y-auto-9 = 12.7 et 12.8 : le lien d'évitement mène au contenu, et la touche Tab atteint chaque élément interactif une fois, dans l'ordre du document (parcours d'inscription, de connexion, de débat, de proposition, de questionnaire et d'administration).
a11y-manual-title = Ce qui demande encore un audit manuel
a11y-manual-1 = 1.2 à 1.9 : la pertinence des alternatives textuelles et des images de décoration (celles des contenus publiés par la commune aussi).
a11y-manual-2 = 3.1 et 3.3 : l'information donnée par la couleur seule, et le contraste des composants d'interface et des graphiques.
a11y-manual-3 = 6.1 et 9.1 : la pertinence des intitulés de liens et de la hiérarchie des titres.
a11y-manual-4 = 7.1 à 7.5 : la compatibilité de la carte interactive avec les technologies d'assistance et les messages de statut.
a11y-manual-5 = 10.4, 10.11 et 10.12 : l'agrandissement des textes à 200 %, l'affichage sans défilement horizontal à 320 pixels de large et l'espacement du texte.
a11y-manual-6 = 11.10 et 11.11 : la clarté des messages d'erreur et des suggestions de correction.
a11y-manual-7 = 12.1 à 12.6 et thème 13 : la cohérence de la navigation, les documents en téléchargement et les essais avec des lecteurs d'écran (NVDA, VoiceOver).

## Process report (bilan), follow-up, transparency
report-title = Bilan : { $process }
report-read = Lire le bilan
report-draft = Brouillon
report-published-on = publié le { $date }
report-draft-note = Ce bilan n'est pas encore publié : seule l'équipe de la commune le voit.
report-edit = Rédiger le bilan
report-view = Voir le bilan
report-intro = Ce que la concertation a réuni, compté à partir des contributions publiées. Chaque élément renvoie à sa source : vous pouvez tout vérifier.
report-figures-heading = La participation en chiffres
report-people = { $count ->
    [one] personne a participé
   *[other] personnes ont participé
}
report-contributions = { $count ->
    [one] contribution
   *[other] contributions
}
report-votes = { $count ->
    [one] vote ou soutien
   *[other] votes et soutiens
}
report-by-feature = Contributions par outil
report-col-what = Quoi
report-col-count = Nombre
report-row-discussion-comments = Commentaires dans les débats
report-row-statements = Propositions d'avis retenues (carte des opinions)
report-row-votes = Votes sur ces avis
report-row-responses = Réponses aux questionnaires
report-row-proposals = Propositions publiées
report-row-proposal-comments = Commentaires sur les propositions
report-row-supports = Soutiens aux propositions
report-how-counted = Ni les contributions masquées par la modération, ni les contributions supprimées ne sont comptées.
report-how-counted-link = Comment ces chiffres sont calculés
report-time-heading = Les contributions semaine par semaine
report-time-caption = Contributions par semaine, du { $first } au { $last } : { $total } au total, { $top } au plus en une semaine.
report-time-table = Voir les chiffres semaine par semaine
report-col-week = Semaine du
report-districts-heading = Propositions par quartier
report-col-district = Quartier
report-col-proposals = Propositions
report-col-supports = Soutiens
report-no-district = Sans quartier précisé
report-proposals-heading = Les propositions les plus soutenues et la réponse de la commune
report-supports = { $count ->
    [0] Aucun soutien
    [one] 1 soutien
   *[other] { $count } soutiens
}
report-progress = Avancement : { $percent } %
report-answer-of = Réponse de la commune du { $date }
report-no-answer = La commune n'a pas encore répondu.
report-follow-up-heading = Le suivi des propositions retenues
report-opinion-heading = Ce que disent les débats
report-map-voters = { $count ->
    [one] 1 personne a voté sur la carte des opinions
   *[other] { $count } personnes ont voté sur la carte des opinions
}
report-consensus = Ce qui rassemble tous les groupes
report-group = Groupe { $letter } ({ $count } personnes) se distingue par
report-share-agree = { $percent } % d'accord
report-share-disagree = { $percent } % pas d'accord
report-questionnaires-heading = Les résultats des questionnaires
report-responses = { $count ->
    [one] 1 réponse
   *[other] { $count } réponses
}
report-tied = à égalité :
report-answer-share = { $count } sur { $answered }, { $percent } %
report-mean = moyenne { $mean }
report-impact-heading = Les contributions qui ont compté
report-commune-heading = Ce que la commune en retient
report-commitments = Les engagements de la commune
report-commentary = Le commentaire de la commune
report-no-commentary = La commune n'a pas encore rédigé son commentaire.
report-sources-heading = Sources et méthode
report-sources = Les chiffres de ce bilan sont calculés à partir des contributions, sans intelligence artificielle ni tri manuel : les mêmes données donnent toujours le même bilan. Ils sont aussi publiés en données ouvertes.
report-source-api = Les chiffres de ce bilan en données ouvertes (JSON)
report-admin-intro = Les chiffres, les propositions, les débats et les résultats du bilan sont calculés automatiquement à partir des contributions. Écrivez ici ce que la commune en retient et ce à quoi elle s'engage, puis publiez : les personnes qui suivent la concertation seront prévenues.
report-field-commitments = Les engagements de la commune
report-field-commitments-hint = Une liste en Markdown : ce que la commune fera, et quand.
report-field-commentary = Le commentaire de la commune
report-field-commentary-hint = En Markdown. Il s'affiche à côté des chiffres, jamais à leur place.
report-field-status-hint = Publié : tout le monde peut lire le bilan, sans compte.
field-process-draft = Publiez d'abord la concertation.
activity-report-published = Bilan publié :
activity-proposal-milestone = Avancement de la proposition :
milestones-title = Suivi de la réalisation
milestone-add = Ajouter une étape au suivi
milestone-send = Publier l'étape
milestone-field-date = Date
milestone-field-percent = Avancement (en %)
milestone-field-percent-hint = Un nombre entier de 0 à 100.
milestone-field-body = Ce qui a été fait
milestone-not-accepted = Seules les propositions retenues ont un suivi : donnez d'abord la réponse de la commune.
field-invalid-percent = Indiquez un nombre entier de 0 à 100.
transparency-title = Transparence
transparency-intro = Comment la plateforme décide de ce que vous voyez : l'ordre des contributions, les règles de modération et ce qu'elles ont masqué, la façon dont les bilans sont calculés, et les données ouvertes.
transparency-toc = Sommaire
transparency-ranking-heading = L'ordre des contributions
transparency-ranking = L'ordre « les plus pertinentes » suit une formule publique : les votes, les réponses et l'ancienneté, avec des poids connus de tous. Personne ne peut acheter ou imposer une place.
transparency-ranking-link = La formule de classement en détail
transparency-moderation-heading = La modération
transparency-rule-report = Toute personne connectée peut signaler une contribution, en disant pourquoi.
transparency-rule-reports = { $count ->
    [one] Un commentaire est masqué dès 1 signalement, en attendant l'examen d'un modérateur.
   *[other] Un commentaire est masqué dès { $count } signalements, en attendant l'examen d'un modérateur.
}
transparency-rule-keywords = Un commentaire contenant un mot surveillé par la commune est mis en attente d'examen avant d'être publié.
transparency-rule-moderators = Les modérateurs masquent ou rétablissent une contribution depuis une file unique ; chaque décision est tracée.
transparency-rule-blocked = Quand un compte est bloqué, ses commentaires sont masqués.
transparency-rule-statements = Les avis proposés pour la carte des opinions sont relus avant d'être soumis au vote.
transparency-rule-audit = Toutes les actions de l'équipe sont inscrites dans un journal d'audit.
transparency-hidden-caption = Commentaires masqués selon la raison ({ $hidden } masqués, { $visible } visibles)
transparency-col-why = Raison
transparency-hidden-reports = Masqués après des signalements, en attente d'examen
transparency-hidden-keyword = Mis en attente pour un mot surveillé
transparency-hidden-moderator = Masqués par décision d'un modérateur
transparency-hidden-blocked = Masqués avec le compte bloqué de leur auteur
transparency-others-caption = Signalements et avis
transparency-reports = Signalements reçus
transparency-reports-upheld = Signalements suivis d'un masquage
transparency-reports-rejected = Signalements écartés (contribution rétablie ou maintenue)
transparency-reports-open = Signalements en attente d'examen
transparency-statements-accepted = Avis acceptés pour la carte des opinions
transparency-statements-rejected = Avis refusés par la modération
transparency-blocked-accounts = Comptes bloqués
transparency-report-heading = Comment les bilans sont calculés
transparency-report-intro = Chaque concertation se termine par un bilan que tout le monde peut vérifier, lien par lien.
transparency-report-people = Participants : les personnes qui ont fait au moins une contribution, un vote ou un soutien dans la concertation, chacune comptée une fois.
transparency-report-contributions = Contributions : les commentaires, les avis retenus, les réponses aux questionnaires et les propositions publiées ; les contributions masquées ou supprimées ne comptent pas.
transparency-report-votes = Votes et soutiens : les votes sur la carte des opinions et les soutiens aux propositions.
transparency-report-opinion = Ce qui rassemble : les avis approuvés (ou rejetés) par une large part de chaque groupe de la carte des opinions ; ce qui distingue un groupe : les avis où il diffère le plus des autres.
transparency-report-questionnaires = Questionnaires : la réponse la plus choisie à chaque question fermée, quand la commune a rendu les résultats publics ; les ex æquo sont tous cités.
transparency-report-no-ai = Aucune intelligence artificielle : les mêmes données donnent toujours le même bilan. Le commentaire de la commune est affiché à côté des chiffres.
transparency-reports-published = Bilans publiés
transparency-open-data-heading = Données ouvertes
transparency-open-data-intro = Les contributions publiques sont réutilisables librement (Licence Ouverte 2.0), sans donnée personnelle : ni auteur, ni compte.
transparency-api-doc = L'API de données ouvertes (description OpenAPI 3.1)
transparency-api-processes = Les concertations en JSON
transparency-bundle = Toute la participation en un fichier JSON
transparency-news-feed = Les actualités (flux Atom)

## Participatory budget (components/budget)
tool-budget = Voter pour les projets du budget participatif
tool-budget-heading = Le vote du budget
tool-budget-count = { $count ->
    [0] Aucun bulletin
    [one] 1 bulletin
   *[other] { $count } bulletins
}
budget-ballots = { $count ->
    [0] aucun bulletin
    [one] 1 bulletin
   *[other] { $count } bulletins
}
dashboard-budget_ballots = bulletins du budget participatif
report-row-budget-ballots = Bulletins du budget participatif
report-row-budget-paper-ballots = dont bulletins papier
report-budget-heading = Le vote du budget participatif
report-budget-ballots = { $count ->
    [one] Un bulletin
   *[other] { $count } bulletins
}, dont { $paper } sur papier.
report-budget-turnout = Les bulletins en ligne représentent { $percent } % des { $residents } habitants inscrits sur la plateforme.
report-budget-by-district = Les bulletins par quartier : { $envelope }
report-budget-col-online = En ligne
report-budget-col-paper = Sur papier
report-budget-winners = Les projets retenus
report-budget-winner = { $cost } · { $votes } voix
report-budget-no-winner = Aucun projet n'a été retenu.
report-budget-results = Tous les résultats et la règle de calcul
report-budget-not-published = Les résultats de ce vote ne sont pas encore publiés.
exports-budget = Budget : { $title }
activity-budget-results = Résultats du vote publiés :
activity-budget-project-from-proposal = Une proposition devient un projet soumis au vote :
field-invalid-postal-code = Saisissez un code postal de 5 chiffres (ou 4 hors de France).
field-postal-code-outside = Ce code postal n’est pas l’un de ceux de la commune.
field-fixed-by-votes = Ne peut plus changer : des habitants ont déjà voté pour ce projet.
budget-list-title = Budget participatif
budget-list-intro = Chaque enveloppe a son montant et sa règle de vote. Choisissez les projets que vous voulez voir financés.
budget-list-empty = Aucune enveloppe pour l'instant.
budget-new-title = Nouvelle enveloppe
budget-rule-knapsack = Choisissez autant de projets que vous voulez, jusqu'à { $amount } au total.
budget-rule-approval = { $count ->
    [one] Choisissez 1 projet.
   *[other] Choisissez jusqu'à { $count } projets, quel que soit leur coût.
}
budget-rule-minimum = Un bulletin doit totaliser au moins { $amount }.
budget-vote-open-until = Vote ouvert jusqu'au { $day } inclus.
budget-vote-from-to = Vote du { $start } au { $end }.
budget-vote-closed-on = Vote clos le { $day }.
budget-vote-no-date = La date du vote n'est pas encore fixée.
budget-feasibility-pending = En cours d'étude
budget-feasibility-feasible = Réalisable
budget-feasibility-unfeasible = Non réalisable
budget-refused-sign-in = Connectez-vous pour voter.
budget-refused-closed = Le vote n'est pas ouvert en ce moment.
budget-refused-final = Vous avez déjà voté et cette enveloppe ne permet pas de modifier son vote.
budget-no-room = Ne rentre plus dans votre panier : il reste { $left }.
budget-no-room-count = { $count ->
    [one] Votre panier a déjà son projet.
   *[other] Votre panier a déjà { $count } projets, le maximum.
}
budget-refused-empty = Votre panier est vide : ajoutez au moins un projet.
budget-refused-unknown = Un projet de votre panier n'est plus soumis au vote : retirez-le.
budget-refused-over = Votre panier fait { $total }, plus que l'enveloppe de { $amount } : retirez un projet.
budget-refused-too-many = Votre panier a { $count } projets, pour { $max } au plus : retirez-en.
budget-refused-under = Votre panier fait { $total } : un bulletin doit totaliser au moins { $minimum }. Ajoutez un projet.
budget-cart-left = il reste { $left } sur { $amount }
budget-cart-chosen = { $count } projet(s) choisi(s) sur { $max }
budget-vote-change = Remplacer mon vote par ce panier
budget-vote-confirm = Valider mon vote
budget-voted-notice = Votre vote est enregistré. Merci !
budget-voted-on = Vous avez voté ({ $date }).
budget-settings = Réglages de l'enveloppe
budget-project-new = Nouveau projet
budget-paper-title = Bulletins papier
budget-results-title = Résultats
budget-staff-nav = Gestion de l'enveloppe
budget-ballot-refused = Vote non enregistré
budget-sign-in-to-vote = Connectez-vous pour composer votre panier et voter
budget-cart-title = Votre panier
budget-cart-empty = Aucun projet pour l'instant : ajoutez ceux que vous voulez voir financés.
budget-remove = Retirer
budget-add = Ajouter au panier
budget-in-cart = Dans votre panier
budget-cart-unconfirmed = Votre panier a changé depuis votre vote : validez pour remplacer votre bulletin, sinon votre vote reste celui enregistré.
budget-projects-title = Les projets soumis au vote
budget-projects-empty = Aucun projet n'est encore soumis au vote.
budget-others-title = Projets étudiés, non soumis au vote
budget-first-cost = Estimation initiale :
budget-field-feasibility = Faisabilité
budget-field-district = Quartier
budget-field-category = Thème
budget-field-address = Adresse
budget-from-proposal = Issu de la proposition
budget-review-title = Avis des services
budget-see-cart = Voir mon panier
budget-project-edit = Modifier le projet
budget-results-draft = Ces résultats ne sont pas encore publics : seule l'équipe les voit.
budget-count = Compter les bulletins
budget-unpublish = Retirer la publication
budget-publish = Publier les résultats
budget-figures-title = Participation
budget-figures-total = Bulletins comptés :
budget-figures-online = En ligne :
budget-figures-paper = Sur papier :
budget-figures-by-district = Bulletins par quartier
budget-figures-online-col = En ligne
budget-figures-paper-col = Papier
budget-no-district = Quartier non précisé
budget-official = règle retenue
budget-chart-caption = Votes par projet, dans l'ordre du calcul ; en bleu foncé et marqués ✓, les projets financés. Le tableau ci-dessous donne les mêmes chiffres.
budget-col-rank = Ordre
budget-col-project = Projet
budget-col-votes = Votes
budget-col-cost = Coût
budget-col-left = Reste à son tour
budget-col-outcome = Résultat
budget-not-counted = Les bulletins n'ont pas encore été comptés.
budget-downloads-title = Refaire le calcul
budget-downloads-intro = Les bulletins sont publiés sans nom ni compte, dans un ordre qui ne dit rien de qui a voté quand. Le fichier .pb (format pabulib) se lit avec les outils de pabulib.org et equalshares.net.
budget-download-pb = Les bulletins anonymisés (.pb, pabulib)
budget-download-csv = Les bulletins anonymisés (CSV)
budget-download-json = Les projets et les résultats (JSON)
budget-transparency-link = Comment les projets gagnants sont choisis
budget-counted-on = Compté le { $date } sur { $count } bulletin(s).
budget-count-stale = { $count } bulletin(s) au total depuis : comptez à nouveau pour les inclure.
budget-spent = { $spent } financés sur { $amount }
budget-method-greedy = Les plus votés d'abord
budget-method-equal-shares = Méthode des parts égales
budget-method-greedy-rule = Les projets sont pris du plus voté au moins voté (à égalité : le moins cher, puis le plus ancien). Chacun est financé s'il tient dans ce qui reste de l'enveloppe ; sinon on passe au suivant.
budget-method-equal-shares-rule = L'enveloppe est partagée également entre les votants. Un projet est financé quand ses votants peuvent le payer ensemble avec leurs parts ; à chaque tour gagne celui qui demande le moins à chacun par euro. Ce qui reste est ensuite attribué aux plus votés. Ainsi, un groupe qui représente 30 % des votants décide d'environ 30 % de l'enveloppe.
budget-why-won = Financé (il restait { $left })
budget-why-completed = Financé avec le reste de l'enveloppe ({ $left })
budget-why-too-expensive = Non financé : il ne restait que { $left }
budget-why-no-votes = Non financé : aucun vote
budget-ballot-knapsack = Des projets jusqu'au montant de l'enveloppe
budget-ballot-approval = Un nombre maximal de projets
budget-field-name = Nom de l'enveloppe
budget-field-description = Présentation
budget-whole-commune = Toute la commune
budget-field-amount = Montant (en euros)
budget-field-amount-hint = Un nombre entier d'euros, par exemple 250000.
budget-field-ballot = Règle du bulletin
budget-field-max-projects = Nombre maximal de projets
budget-field-max-projects-hint = Seulement pour la règle « nombre maximal de projets » : de 1 à 100.
budget-field-min-percent = Part minimale à dépenser (en %)
budget-field-min-percent-hint = Laisser vide pour aucune. Par exemple 50 : chaque bulletin doit totaliser au moins la moitié de l'enveloppe.
budget-field-method = Méthode de calcul des gagnants
budget-field-method-hint = Les deux résultats sont toujours calculés et publiés ; celle-ci est la règle de la commune.
budget-field-changeable = Les votants peuvent modifier leur vote jusqu'à la clôture
budget-settings-intro = Le vote a lieu pendant la phase de la concertation qui porte l'outil « vote du budget ».
budget-settings-locked = Des bulletins ont été déposés : le montant et la règle du bulletin ne peuvent plus changer.
budget-field-proposal = Proposition d'origine
budget-no-proposal = Aucune (projet de la commune)
budget-field-proposal-hint = Les propositions acceptées de la concertation. Son auteur et ses soutiens seront prévenus.
budget-field-title = Titre
budget-field-body = Description
budget-field-cost = Coût estimé (en euros)
budget-no-category = Aucun thème
budget-field-feasibility-hint = Seuls les projets réalisables sont soumis au vote.
budget-field-review = Avis public des services
budget-field-review-hint = Obligatoire si le projet n'est pas réalisable : dites pourquoi. Dites aussi ce qui a changé le coût.
budget-project-intro = Un projet soumis au vote : son texte, son coût et l'avis des services, tous publics.
budget-project-see = Voir le projet
budget-paper-no-district = Non précisé
budget-paper-intro = Saisissez chaque bulletin déposé en mairie tel qu'il est écrit. Il est compté avec les votes en ligne et apparaît à part dans les chiffres ; chaque saisie est inscrite au journal d'audit.
budget-paper-count = { $count ->
    [0] Aucun bulletin papier saisi.
    [one] 1 bulletin papier saisi.
   *[other] { $count } bulletins papier saisis.
}
budget-paper-closed = La saisie des bulletins papier est fermée : elle est possible pendant le vote et la semaine qui suit.
budget-paper-saved = Bulletin { $reference } enregistré.
budget-paper-duplicate = Ce numéro de bulletin a déjà été saisi.
budget-paper-reference = Numéro du bulletin
budget-paper-reference-hint = Tel qu'imprimé sur le bulletin, par exemple B-0042 : lettres, chiffres, tirets.
budget-paper-district = Quartier du votant
budget-paper-projects = Projets cochés sur le bulletin
budget-paper-save = Enregistrer le bulletin
budget-paper-entered = Derniers bulletins saisis
budget-paper-when = Saisi le
data-table-budget_ballots = Vos votes au budget participatif
data-about-budget_ballots = Les projets que vous avez choisis, pour compter votre vote. Si vous supprimez votre compte, le bulletin reste compté, sans votre nom.
data-table-budget_carts = Votre panier de vote
data-about-budget_carts = Les projets mis de côté avant de valider votre vote. Supprimés avec votre compte.
data-table-budget_ballots_entered_by = Bulletins papier que vous avez saisis
data-about-budget_ballots_entered_by = Pour l'équipe : qui a saisi quel bulletin, pour l'audit du vote.
data-col-envelope_id = Enveloppe
data-col-projects = Projets choisis
data-col-total = Total
data-col-project_id = Projet
data-col-added_at = Ajouté le
data-col-paper_ref = Numéro du bulletin
transparency-budget-heading = Le budget participatif : comment les gagnants sont choisis
budget-vote-district = Votre quartier (facultatif)
budget-vote-district-hint = Seulement pour les statistiques de participation par quartier ; cela ne change pas votre vote.
transparency-budget-intro = Chaque enveloppe annonce sa règle avant le vote. Les deux calculs ci-dessous sont toujours faits et publiés côte à côte ; la commune dit lequel elle retient. Un calcul donne toujours le même résultat pour les mêmes bulletins.
transparency-budget-completion = Précisions de la méthode des parts égales (Peters, Pierczyński et Skowron ; la variante d'equalshares.net) : la valeur d'un projet pour un votant est son coût ; tant qu'un projet voté tiendrait encore dans ce qui reste, la part de chacun est augmentée d'un euro (ou d'un millième de la part de départ, si c'est plus) et le calcul refait, gardé tant que les projets retenus tiennent dans l'enveloppe ; le reste va aux plus votés. À égalité, le projet le plus voté, puis le moins cher, puis le plus ancien l'emporte.
transparency-budget-check = Chacun peut vérifier : la page des résultats de chaque enveloppe propose les bulletins anonymisés au format pabulib (.pb), à ouvrir avec les outils de pabulib.org ou equalshares.net.
budget-project-funded = Projet retenu : la commune le réalise.
budget-place = Lieu du projet
budget-field-location-hint = Facultatif : le lieu du projet, choisi sur la carte ou tapé en coordonnées (par exemple 47.392 et 0.688).
budget-milestone-not-funded = Seuls les projets retenus ont un suivi, une fois les résultats publiés.
activity-budget-project-milestone = Avancement du projet :
data-table-budget_project_milestones = Étapes de suivi des projets écrites
data-about-budget_project_milestones = Les étapes de réalisation des projets retenus écrites depuis votre compte (équipe). Elles restent : c'est le suivi de la commune.
data-table-resident_verifications = Votre vérification d'habitant
data-about-resident_verifications = Comment et quand vous avez été vérifié comme habitant de la commune (et dans quel quartier), et les vérifications retirées. Supprimées avec votre compte.
data-table-resident_verifications_verified_by = Habitants que vous avez vérifiés
data-about-resident_verifications_verified_by = Pour l'équipe : les vérifications faites au guichet depuis votre compte, pour l'audit.
data-table-resident_verifications_revoked_by = Vérifications que vous avez retirées
data-about-resident_verifications_revoked_by = Pour l'équipe : les vérifications retirées depuis votre compte, pour l'audit.
dashboard-verified_residents = habitants vérifiés
verification-title = Habitant vérifié
verification-verified = Vérifié :
verification-not-verified = Cette personne n'est pas vérifiée comme habitante de la commune.
verification-current = { $method }, { $district }, le { $date } (par { $by }).
verification-revoked = { $method }, { $district }, le { $date } ; retirée le { $revoked }.
verification-no-district = sans quartier
verification-by-nobody = sans agent
verification-history = Vérifications retirées
verification-revoke = Retirer la vérification
verification-desk-intro = Au guichet : vérifiez la personne en sa présence, sur une pièce d'identité et un justificatif de domicile dans la commune. La vérification est inscrite au journal d'audit.
verification-district = Quartier du domicile
verification-desk-seen = J'ai vu la pièce d'identité et le justificatif de domicile de cette personne.
verification-desk-seen-missing = Cochez la case qui atteste que vous avez vu la pièce d'identité et le justificatif de domicile.
verification-desk-verify = Vérifier au guichet
verification-method-franceconnect = FranceConnect
verification-method-census = liste de la commune
verification-method-letter = code reçu par courrier
verification-method-desk = au guichet de la mairie
verification-missing-sign-in = Connectez-vous pour participer.
verification-missing-email = Confirmez d'abord votre adresse e-mail (le lien est dans le message reçu à l'inscription) pour participer.
verification-missing-resident = Cette participation est réservée aux habitants vérifiés de la commune. Pour être vérifié, présentez-vous au guichet de la mairie avec une pièce d'identité et un justificatif de domicile, ou voyez les autres façons dans votre compte, « Ma vérification d’habitant ».
verification-missing-district = Cette participation est réservée aux habitants vérifiés du quartier concerné, et votre vérification est celle d'un autre quartier. Si vous avez déménagé, présentez-vous au guichet de la mairie avec un justificatif de votre nouveau domicile.
verification-levels-title = Qui peut participer
verification-levels-intro = Pour chaque outil de la concertation, ce qui est demandé aux participants (« Débattre » vaut pour les commentaires partout dans la concertation et pour la carte des opinions). Un vote qui engage la commune (le budget participatif) peut être réservé aux habitants vérifiés, d'un quartier si besoin ; l'enveloppe d'un quartier est alors réservée aux habitants vérifiés de ce quartier.
verification-level-signed_in = Un compte, connecté
verification-level-confirmed = Un compte dont l'adresse e-mail est confirmée
verification-level-verified = Un habitant vérifié de la commune
verification-field-district = Quartier (habitants vérifiés seulement)
verification-field-district-hint = Facultatif : seulement pour « un habitant vérifié ».
verification-any-district = Toute la commune
verification-required-title = Participation réservée
verification-level-default = Par défaut : ce que l'outil demande (un compte confirmé pour le vote du budget)
data-col-method = Méthode
data-col-district_id = Quartier
data-col-revoked_at = Retirée le
data-col-user_id = Personne

## Sign-in with OpenID providers (FranceConnect, a commune's SSO)
oidc-sign-in-with = Se connecter avec une identité en ligne
oidc-sign-in-franceconnect = S’identifier avec FranceConnect
oidc-sign-in-sso = Se connecter avec le compte de la collectivité
oidc-what-is-franceconnect = Qu’est-ce que FranceConnect ? (nouvelle fenêtre)
login-with-password = Ou avec votre adresse et votre mot de passe
oidc-provider-franceconnect = FranceConnect
oidc-provider-sso = Compte de la collectivité
oidc-default-name = Habitant·e
oidc-back-to-login = Retour à la page de connexion
oidc-failure-title = La connexion n’a pas abouti
oidc-failure-not-configured = Ce moyen de connexion n’est pas proposé par la commune. Connectez-vous avec votre adresse et votre mot de passe.
oidc-failure-unavailable = Le service de connexion ne répond pas pour le moment. Aucun compte n’a été créé ni modifié. Réessayez dans quelques minutes, ou connectez-vous avec votre adresse et votre mot de passe.
oidc-failure-cancelled = La connexion a été annulée ou refusée par le service de connexion. Aucun compte n’a été créé ni modifié. Vous pouvez recommencer depuis la page de connexion.
oidc-failure-expired = Cette connexion a expiré ou a déjà servi, ou elle a été commencée dans un autre navigateur. Aucun compte n’a été créé ni modifié. Recommencez depuis la page de connexion.
oidc-failure-invalid = La réponse du service de connexion n’a pas pu être vérifiée. Par sécurité, aucun compte n’a été créé ni modifié. Recommencez depuis la page de connexion.
oidc-failure-no-email = Le service de connexion n’a pas transmis d’adresse électronique vérifiée, nécessaire pour créer un compte. Créez un compte avec votre adresse, puis ajoutez ce moyen de connexion depuis votre compte.
oidc-identity-taken = Cette identité est déjà liée à un autre compte. Déconnectez-vous, puis connectez-vous avec elle.
oidc-link-title = Lier cette identité à votre compte
oidc-link-intro = Un compte existe déjà avec l’adresse transmise par { $provider }. Saisissez le mot de passe de ce compte pour y ajouter ce moyen de connexion : vous pourrez ensuite utiliser l’un ou l’autre.
oidc-link-submit = Lier et me connecter
oidc-link-no-password = Un compte existe déjà avec cette adresse, et il se connecte autrement. Connectez-vous d’abord comme d’habitude, puis ajoutez ce moyen de connexion depuis « Mes moyens de connexion ».
identities-title = Mes moyens de connexion
identities-intro = Les identités en ligne avec lesquelles vous pouvez vous connecter à ce compte, en plus de votre mot de passe. Seul l’identifiant que le service nous transmet est conservé.
identities-intro-no-password = Les identités en ligne avec lesquelles vous vous connectez à ce compte. Seul l’identifiant que le service nous transmet est conservé. Pour vous connecter aussi avec un mot de passe, choisissez-en un avec « Mot de passe oublié ? » sur la page de connexion.
identities-none = Aucune identité en ligne n’est liée à ce compte.
identities-add = Ajouter un moyen de connexion
identities-col-provider = Service
identities-col-since = Lié le
identities-col-last-used = Dernière utilisation
data-table-user_identities = Moyens de connexion
data-about-user_identities = Les identités en ligne (FranceConnect, compte de la collectivité) liées à votre compte : le service, et quand elles ont servi.
data-table-oidc_links = Liaisons en attente
data-about-oidc_links = Une identité en ligne en attente du mot de passe de votre compte (un quart d’heure au plus).
data-col-provider = Service
data-col-acr = Niveau de garantie
data-col-last_used_at = Dernière utilisation
admin-field-postal-codes = Codes postaux de la commune
admin-field-postal-codes-hint = Séparés par des virgules (41000, 41350). Une personne identifiée avec FranceConnect qui déclare une adresse sous l’un d’eux devient habitante vérifiée ; vide, cette vérification n’est pas proposée.

## A resident's own verification page
my-verification-title = Ma vérification d’habitant
my-verification-you-are = Vous êtes habitant·e vérifié·e de la commune ({ $method }, le { $when }).
my-verification-you-are-of = Vous êtes habitant·e vérifié·e de la commune, quartier { $district } ({ $method }, le { $when }).
my-verification-intro = Certaines participations, comme un vote qui engage la commune, sont réservées aux habitants vérifiés. Vous pouvez le devenir de ces façons.
my-verification-franceconnect-title = Avec FranceConnect et votre adresse
my-verification-franceconnect-intro = Vous êtes identifié·e avec FranceConnect. Déclarez votre adresse dans la commune : elle est contrôlée, pas conservée ; seuls la méthode, le quartier choisi et la date le sont.
my-verification-franceconnect-first = Identifiez-vous d’abord avec FranceConnect, puis revenez sur cette page pour déclarer votre adresse.
my-verification-field-address = Adresse (numéro et rue)
my-verification-field-postal-code = Code postal
my-verification-field-postal-code-hint = Celui de votre domicile dans la commune.
my-verification-field-district = Votre quartier
my-verification-no-district = Je ne sais pas
my-verification-submit = Déclarer mon adresse
my-verification-desk-title = Au guichet de la mairie
my-verification-desk = Présentez-vous à l’accueil de la mairie avec une pièce d’identité et un justificatif de domicile de moins de trois mois : un agent vous vérifie sur place.

## The census list
census-title = Liste des habitants
census-intro = Importez la liste des habitants de la commune (liste électorale ou registre de population) au format CSV : nom, prénom, date de naissance, code postal, et quartier si vous le souhaitez, dans cet ordre. Chaque ligne est conservée seulement sous forme d’empreinte chiffrée : la liste elle-même n’est pas gardée. Un habitant dont les informations déclarées correspondent à une ligne devient habitant vérifié ; une nouvelle liste remplace les lignes qui n’ont pas encore servi.
census-open = { $count ->
    [0] Aucune ligne n’est disponible.
    [one] Une ligne est disponible.
   *[other] { $count } lignes sont disponibles.
}
census-field-list = Fichier CSV de la liste
census-field-list-hint = Séparateur point-virgule ou virgule, encodage UTF-8 ; une ligne d’en-tête est acceptée. Dates au format JJ/MM/AAAA.
census-submit = Importer la liste
census-imported = { $count } lignes importées.
census-imported-refused = { $count } lignes importées ; { $refused } lignes refusées (incomplètes, date ou code postal illisible, quartier inconnu) : lignes { $lines }.
my-verification-census-title = Avec la liste des habitants de la commune
my-verification-census-intro = Si vous êtes inscrit·e sur la liste de la commune, saisissez vos informations telles qu’elles y figurent. Elles sont comparées à la liste sous forme d’empreinte chiffrée et ne sont pas conservées.
my-verification-census-submit = Vérifier mes informations
my-verification-field-family-name = Nom de famille
my-verification-field-given-name = Prénom
my-verification-field-birth-date = Date de naissance
my-verification-field-birth-date-hint = Au format JJ/MM/AAAA.
field-not-on-the-list = Ces informations ne correspondent à aucune inscription disponible sur la liste de la commune. Vérifiez-les (nom de naissance, prénom d’état civil), ou présentez-vous au guichet de la mairie.
data-table-census_entries = Liste des habitants
data-about-census_entries = La ligne de la liste des habitants de la commune qui vous a vérifié·e (une empreinte chiffrée, sans votre nom).
data-table-census_imports = Imports de la liste des habitants
data-about-census_imports = Les listes d’habitants que vous avez importées (membres du personnel).
data-col-rows = Lignes
data-col-refused = Lignes refusées
data-col-imported_at = Importée le
census-index-intro = La liste des habitants de la commune, qui vérifie les habitants qui s’y retrouvent.

## Letter codes
letters-title = Courriers de vérification
letters-index-intro = Les codes envoyés par la poste aux habitants qui les demandent.
letters-intro = Un habitant qui le demande reçoit par la poste, à son adresse dans la commune, un courrier avec un code ; il le tape dans son compte et devient habitant vérifié. Le code n’est gardé que sous forme d’empreinte chiffrée, et l’adresse seulement jusqu’à ce que le code soit tapé, la demande annulée ou le courrier expiré ({ $days } jours après l’impression).
letters-off = Les courriers ne sont pas proposés aux habitants : il faut l’adresse de la mairie ci-dessous et les codes postaux de la commune (dans « Identité du site »).
letters-counts = À imprimer : { $waiting } · envoyés, en attente du code : { $sent } · codes tapés : { $used }
letters-to-print-title = À imprimer
letters-col-recipient = Destinataire
letters-col-place = Code postal et commune
letters-col-asked = Demandé le
letters-none-to-print = Aucun courrier à imprimer.
letters-print = { $count ->
    [one] Imprimer le courrier (PDF)
   *[other] Imprimer les { $count } courriers (PDF)
}
letters-print-hint = Chaque courrier reçoit un code neuf, visible seulement dans ce fichier : imprimez-le, mettez les courriers sous enveloppe à fenêtre, puis supprimez le fichier. { $max } courriers au plus par fichier.
letters-batches-title = Derniers lots imprimés
letters-col-printed = Imprimé le
letters-col-by = Par
letters-col-count = Courriers
letters-col-open = En attente du code
letters-reprint = Remettre à imprimer
letters-reprint-hint = Un fichier perdu ou mal imprimé : ses courriers encore en attente repartent dans « À imprimer » avec des codes neufs, et les codes déjà imprimés ne marchent plus.
letters-settings-title = Adresse de la mairie
letters-field-sender = Adresse imprimée comme expéditeur
letters-field-sender-hint = Une ligne par ligne d’adresse, six au plus : le service, la rue, le code postal et la ville. Vide : les courriers ne sont pas proposés.
letters-nothing-printed = Aucun courrier n’était à imprimer.
letters-reprinted = { $count ->
    [one] Un courrier remis à imprimer.
   *[other] { $count } courriers remis à imprimer.
}
letter-date = Le { $date }
letter-subject = Objet : votre code d’habitant vérifié
letter-greeting = Madame, Monsieur,
letter-body = Vous avez demandé, sur le site de participation de { $commune }, à être vérifié·e comme habitant·e de la commune. Voici votre code personnel :
letter-how = Pour l’utiliser, connectez-vous à votre compte sur le site, ouvrez la page « Ma vérification d’habitant » ({ $link }) et tapez ce code avant le { $expires }.
letter-once = Ce code ne sert qu’une fois, et seulement depuis le compte qui l’a demandé. Si vous n’avez rien demandé, vous n’avez rien à faire : le code expirera. Vous pouvez aussi le signaler à la mairie.
letter-closing = Nous vous prions d’agréer nos salutations distinguées.
letter-reference = Courrier n° { $id }, demandé le { $date }
my-verification-letter-title = Par courrier, avec un code
my-verification-letter-intro = La mairie vous envoie par la poste, à votre adresse dans la commune, un courrier avec un code à taper ici. Votre adresse n’est gardée que jusque-là.
my-verification-field-recipient = Nom sur la boîte aux lettres
my-verification-field-recipient-hint = Tel qu’il doit figurer sur l’enveloppe.
my-verification-field-town = Commune
my-verification-letter-submit = Demander un courrier
my-verification-letter-asked = Vous avez demandé un courrier le { $date } pour { $place }. La mairie l’imprime et l’envoie ; il arrive en général sous une semaine.
my-verification-letter-sent = Votre courrier a été imprimé le { $date }. Tapez le code qu’il contient avant le { $expires }.
my-verification-field-letter-code = Code reçu par courrier
my-verification-field-letter-code-hint = Dix lettres et chiffres, par exemple ABCDE-FGH23.
my-verification-letter-code-submit = Valider le code
my-verification-letter-cancel-intro = Courrier pas reçu, ou adresse à changer ?
my-verification-letter-cancel = Annuler la demande
field-not-the-letter-code = Ce code n’est pas celui de votre courrier, ou il a expiré. Tapez-le tel qu’il est imprimé : dix lettres et chiffres.
data-table-letter_requests = Courriers de vérification
data-about-letter_requests = Le courrier avec un code que vous avez demandé : l’adresse, gardée jusqu’à ce que le code soit tapé, la demande annulée ou le courrier expiré ; ensuite, seulement les dates.
data-table-letter_requests_printed_by = Courriers imprimés
data-about-letter_requests_printed_by = Pour l’équipe : les courriers de vérification imprimés depuis votre compte.
data-col-recipient = Destinataire
data-col-town = Commune
data-col-postal_code = Code postal
data-col-requested_at = Demandé le
data-col-printed_at = Imprimé le
data-col-outcome = Issue

## The town-hall desk
nav-desk = Guichet
desk-title = Guichet de la mairie
desk-index-intro = Inscrire et vérifier en personne un habitant sans adresse e-mail.
desk-intro = Pour un habitant sans internet : créez-lui un compte sans adresse e-mail et vérifiez-le en sa présence. Il pourra plus tard reprendre ce compte en ligne avec son adresse, grâce à un code que vous lui remettez. Chaque inscription et chaque code sont inscrits au journal d’audit.
desk-register-title = Inscrire un habitant
desk-field-name = Nom affiché
desk-field-name-hint = Le nom public de ses participations, par exemple « Jeanne M. ».
desk-register-submit = Inscrire et vérifier
desk-registered = { $name } est inscrit·e et vérifié·e au guichet. Voir son compte.
desk-accounts-title = Comptes ouverts au guichet
desk-claim-hint = Un code de reprise permet à la personne de reprendre son compte en ligne, avec son adresse e-mail et un mot de passe. Un nouveau code remplace le précédent.
desk-col-registered = Inscrit le
desk-col-state = Reprise en ligne
desk-claim-code = Donner un code de reprise
desk-none = Aucun compte n’a encore été ouvert au guichet.
desk-claimed = Repris le { $date }
desk-code-until = Code valable jusqu’au { $date }
desk-no-code = Pas de code en cours
desk-code-title = Code de reprise du compte
desk-code-for = Code de reprise pour
desk-code-how = Remettez ce code à la personne, par écrit. Pour reprendre son compte, elle ouvre { $link }, tape ce code, puis choisit son adresse e-mail et son mot de passe, avant le { $date }.
desk-code-once = Ce code n’est affiché qu’une fois : il n’est gardé que sous forme d’empreinte chiffrée. S’il est perdu, donnez-en un nouveau.
desk-no-email = sans adresse e-mail (inscrit·e au guichet)
claim-title = Reprendre mon compte ouvert à la mairie
claim-intro = Vous avez été inscrit·e au guichet de la mairie et l’agent vous a remis un code de reprise : tapez-le ici, puis choisissez votre nom affiché, votre adresse e-mail et un mot de passe. Vos participations et votre vérification d’habitant restent les vôtres.
claim-field-code = Code de reprise
claim-field-code-hint = Dix lettres et chiffres, par exemple ABCDE-FGH23.
claim-submit = Reprendre mon compte
field-not-the-claim-code = Ce code de reprise n’est pas valable (déjà utilisé, expiré ou mal tapé). Tapez-le tel qu’il vous a été remis, ou demandez-en un nouveau au guichet.
data-table-desk_accounts = Inscription au guichet
data-about-desk_accounts = Votre compte a été ouvert au guichet de la mairie : quand, et quand vous l’avez repris en ligne.
data-table-desk_accounts_registered_by = Comptes ouverts au guichet
data-about-desk_accounts_registered_by = Pour l’équipe : les comptes que vous avez ouverts au guichet.
data-col-registered_at = Inscrit le
data-col-code_expires_at = Code de reprise valable jusqu’au
login-desk-account = Inscrit·e au guichet de la mairie avec un code de reprise ?

## Saisie au guichet (pour un·e habitant·e assis·e avec l'agent)
desk-act = Saisir avec cette personne
desk-act-hint = Le site public agit alors en son nom, une heure au plus : ce que vous envoyez est à elle, marqué « saisi au guichet », et chaque envoi est noté au journal.
desk-banner = Guichet : vous saisissez pour { $name }. Chaque envoi est enregistré en son nom et marqué « saisi au guichet ».
desk-end = Terminer la saisie
desk-entered-tag = Saisi au guichet
data-col-started_at = Commencée le
data-col-resident_id = Habitant·e
data-table-desk_sessions = Saisie au guichet en cours
data-about-desk_sessions = Un agent de la mairie saisit en ce moment, avec vous, vos contributions au guichet (une heure au plus).
data-table-desk_sessions_staff_id = Vos saisies au guichet en cours
data-about-desk_sessions_staff_id = Pour l'équipe : la personne pour qui vous saisissez en ce moment au guichet.
data-table-comments_entered_by = Commentaires saisis au guichet
data-about-comments_entered_by = Pour l'équipe : les commentaires que vous avez saisis au guichet pour un·e habitant·e.
data-table-proposals_entered_by = Propositions saisies au guichet
data-about-proposals_entered_by = Pour l'équipe : les propositions que vous avez saisies au guichet pour un·e habitant·e.
data-table-proposal_supports_entered_by = Soutiens saisis au guichet
data-about-proposal_supports_entered_by = Pour l'équipe : les soutiens que vous avez saisis au guichet pour un·e habitant·e.
data-table-responses_entered_by = Réponses saisies au guichet
data-about-responses_entered_by = Pour l'équipe : les réponses aux questionnaires que vous avez saisies au guichet pour un·e habitant·e.
report-row-discussion-comments-at-desk = dont saisis au guichet
report-row-proposals-at-desk = dont saisies au guichet
report-row-supports-at-desk = dont saisis au guichet
report-row-responses-at-desk = dont saisies au guichet
report-row-budget-ballots-at-desk = dont bulletins en ligne saisis au guichet
