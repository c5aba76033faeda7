-- Demo commune: Valbrune-sur-Loire, a fictional commune of 24,000 inhabitants.
-- Loaded by the gate after the migrations when the variable demo_seed is "true"
-- and the database has no commune yet. A real instance starts empty.

INSERT INTO settings (key, value) VALUES
    ('commune.name', 'Valbrune-sur-Loire'),
    ('commune.tagline', 'Construisons ensemble la ville de demain'),
    ('commune.default_locale', 'fr'),
    ('brand.primary', '#1d4e89'),
    ('brand.secondary', '#8a3b12'),
    ('home.intro', 'Bienvenue sur la plateforme de participation citoyenne de Valbrune-sur-Loire. Informez-vous sur les projets de la commune, donnez votre avis et proposez vos idées : chaque contribution est lue par les services et les élus.');

INSERT INTO news (slug, title, summary, body, status, published_at, created_at, updated_at) VALUES
    ('lancement-plateforme', 'La plateforme de participation est ouverte',
     'Valbrune-sur-Loire lance son espace de concertation en ligne, ouvert à toutes et à tous.',
     'Dès aujourd''hui, chaque habitante et chaque habitant peut suivre les projets de la commune et y contribuer.',
     'published', 1772352000, 1772352000, 1772352000),
    ('reunion-quai-loire', 'Réunion publique sur le réaménagement des quais',
     'Rendez-vous le 12 mars à 18 h 30 à la salle des fêtes pour découvrir les premières esquisses.',
     'Les architectes présenteront trois scénarios pour les quais de Loire. Vos remarques seront reprises dans la concertation en ligne.',
     'published', 1772956800, 1772956800, 1772956800),
    ('budget-participatif-2026', 'Budget participatif 2026 : 250 000 € pour vos projets',
     'Déposez vos idées pour améliorer votre quartier jusqu''au 30 avril.',
     'Le conseil municipal consacre 250 000 € à des projets proposés et choisis par les habitants.',
     'published', 1773561600, 1773561600, 1773561600),
    ('brouillon-interne', 'Brouillon : bilan de la concertation mobilités',
     'Non publié.', 'Texte en cours de rédaction.', 'draft', NULL, 1773561600, 1773561600);

INSERT INTO pages (slug, title, body, updated_at) VALUES
    ('about', 'À propos de la plateforme',
     'Cette plateforme permet à la commune de Valbrune-sur-Loire de consulter ses habitants sur les projets qui les concernent.

Elle est propulsée par Palabre, un logiciel libre de participation citoyenne.', 1772352000),
    ('how-to-take-part', 'Comment participer',
     'Créez un compte avec votre adresse électronique, puis choisissez une concertation en cours.

Vous pouvez débattre, répondre à un questionnaire ou déposer une proposition.', 1772352000),
    ('legal', 'Mentions légales',
     'Éditeur : Commune de Valbrune-sur-Loire (commune fictive de démonstration), place de la Mairie.

Directeur de la publication : le maire. Hébergement : à préciser par l''exploitant.', 1772352000),
    ('privacy', 'Politique de confidentialité',
     'La commune ne dépose que des cookies strictement nécessaires au fonctionnement du site (session, sécurité des formulaires, langue choisie).

Vous pouvez à tout moment télécharger ou supprimer vos données depuis votre compte.', 1772352000),
    ('terms', 'Conditions d''utilisation',
     'Les contributions doivent respecter la loi et les autres participants. Les modérateurs peuvent masquer un contenu signalé.', 1772352000),
    ('accessibility', 'Déclaration d''accessibilité',
     'La commune de Valbrune-sur-Loire s''engage à rendre ses services numériques accessibles, conformément à l''article 47 de la loi n° 2005-102 du 11 février 2005.

État de conformité : ce site est partiellement conforme avec le référentiel général d''amélioration de l''accessibilité (RGAA), version 4.1. Les résultats de l''audit seront publiés ici.

Retour d''information et contact : si vous n''arrivez pas à accéder à un contenu ou à un service, contactez la mairie pour être orienté vers une alternative accessible.

Voies de recours : si vous constatez un défaut d''accessibilité vous empêchant d''accéder à un contenu, et que vous nous l''avez signalé sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits.', 1772352000);

-- Demo accounts (scripts/up prints their passwords; a real instance has none).
--   admin@valbrune.example.org       valbrune-admin-2026
--   moderation@valbrune.example.org  valbrune-moderation-2026
--   camille@valbrune.example.org     valbrune-citoyenne-2026
INSERT INTO users (email, display_name, role, locale, created_at, email_confirmed_at, password_hash) VALUES
    ('admin@valbrune.example.org', 'Mairie de Valbrune', 'admin', 'fr', 1772352000, 1772352000,
     '$argon2id$v=19$m=19456,t=2,p=1$RuKwRxmj4FEJ/D7b+JhIhg$q9SAvoDANtDEvVXNqsiMNCygS8cYvrv5ghGKa9SEIwU'),
    ('moderation@valbrune.example.org', 'Équipe de modération', 'moderator', 'fr', 1772352000, 1772352000,
     '$argon2id$v=19$m=19456,t=2,p=1$srwCrRw+JRnkIwp4FPNbJw$Cud/7saB7rl82fhHv6jwK0hjQy6vRZv0jVIdiARYsAU'),
    ('camille@valbrune.example.org', 'Camille Martin', 'citizen', NULL, 1772352000, 1772352000,
     '$argon2id$v=19$m=19456,t=2,p=1$IFAG8EFYJcDSylXoO+JRqw$SfQy0J2YWhm5x0VPXlnfNOcxA64HRwfBTgWZf0iQ+cQ');
