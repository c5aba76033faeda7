-- Demo commune: Valbrune-sur-Loire, a fictional commune of 24,000 inhabitants.
-- Loaded by the gate after the migrations when the variable demo_seed is "true"
-- and the database has no commune yet. A real instance starts empty.

INSERT INTO settings (key, value) VALUES
    ('commune.name', 'Valbrune-sur-Loire'),
    ('commune.tagline', 'Construisons ensemble la ville de demain'),
    ('commune.default_locale', 'fr'),
    -- The sender of the letter codes (they are offered once staff list the
    -- commune's postal codes, in the site's identity).
    ('identity.letter_sender', 'Mairie de Valbrune-sur-Loire
Service citoyenneté
1 place de l''Hôtel de Ville
41000 Valbrune-sur-Loire'),
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

-- Districts and processes. Dates are relative to the day the demo is loaded,
-- so that it always shows a process under way, one to come and one closed.
INSERT INTO districts (name) VALUES
    ('Centre-ville'), ('Saint-Martin'), ('Les Quais'), ('Bois-Joli');

INSERT INTO processes (slug, title, summary, body, district_id, starts_on, ends_on, status,
                       participants, contributions, created_at, updated_at) VALUES
    ('quais-de-loire', 'Réaménagement des quais de Loire',
     'Promenade, stationnement, terrasses : imaginons ensemble les quais de demain.',
     'Les quais de Loire doivent être rénovés d''ici 2028. La commune souhaite **associer les habitants** dès le départ :

- quels usages privilégier (promenade, vélo, marché, terrasses) ?
- quelle place pour le stationnement ?
- comment mieux protéger les berges ?

Trois scénarios ont été présentés lors de la réunion publique. Consultez-les, débattez-en et donnez votre avis.',
     (SELECT id FROM districts WHERE name = 'Les Quais'),
     date('now', '-20 days'), date('now', '+40 days'), 'published', 0, 0,
     strftime('%s', 'now', '-25 days'), strftime('%s', 'now', '-25 days')),
    ('budget-participatif-2026', 'Budget participatif 2026',
     '250 000 € pour les projets proposés et choisis par les habitants.',
     'Chaque habitant peut déposer une idée pour son quartier, puis soutenir celles des autres. Les projets les plus soutenus et réalisables seront financés.',
     NULL, date('now', '-10 days'), date('now', '+80 days'), 'published', 0, 0,
     strftime('%s', 'now', '-12 days'), strftime('%s', 'now', '-12 days')),
    ('plan-velo-saint-martin', 'Plan vélo du quartier Saint-Martin',
     'Pistes, stationnements vélo et zones apaisées autour des écoles.',
     'La concertation ouvrira bientôt : suivez-la pour être prévenu du début de la première phase.',
     (SELECT id FROM districts WHERE name = 'Saint-Martin'),
     date('now', '+15 days'), date('now', '+75 days'), 'published', 0, 0,
     strftime('%s', 'now', '-2 days'), strftime('%s', 'now', '-2 days')),
    ('mobilites-2025', 'Mobilités 2025',
     'La concertation sur les transports en commun est terminée : merci à tous.',
     'Les habitants ont répondu au questionnaire, débattu des lignes de bus et déposé leurs propositions. Le [bilan de la concertation](/processes/mobilites-2025/bilan) dit ce que la commune en retient et ce qu''elle s''est engagée à faire.',
     NULL, date('now', '-200 days'), date('now', '-110 days'), 'published', 0, 0,
     strftime('%s', 'now', '-210 days'), strftime('%s', 'now', '-100 days')),
    ('ecole-des-tilleuls', 'Cour d''école des Tilleuls (brouillon)',
     'En préparation par les services.', '', NULL, date('now', '+60 days'), date('now', '+90 days'),
     'draft', 0, 0, strftime('%s', 'now'), strftime('%s', 'now'));

INSERT INTO process_phases (process_id, position, name, description, starts_on, ends_on, tools)
SELECT p.id, v.position, v.name, v.description, date('now', v.starts), date('now', v.ends), v.tools
FROM processes p JOIN (
    SELECT 'quais-de-loire' AS slug, 0 AS position, 'Information' AS name,
           'Découvrez le diagnostic et les trois scénarios.' AS description,
           '-20 days' AS starts, '-6 days' AS ends, '' AS tools
    UNION ALL SELECT 'quais-de-loire', 1, 'Concertation',
           'Débattez des scénarios et répondez au questionnaire.', '-5 days', '+25 days',
           'discussion,questionnaire'
    UNION ALL SELECT 'quais-de-loire', 2, 'Synthèse et réponse de la commune',
           'La commune publie ce qu''elle retient de vos contributions.', '+26 days', '+40 days', ''
    UNION ALL SELECT 'budget-participatif-2026', 0, 'Dépôt des projets',
           'Déposez vos idées et soutenez celles des autres.', '-10 days', '+30 days', 'discussion,proposal'
    UNION ALL SELECT 'budget-participatif-2026', 1, 'Analyse par les services',
           'Les services étudient la faisabilité des projets.', '+31 days', '+60 days', ''
    UNION ALL SELECT 'budget-participatif-2026', 2, 'Vote',
           'Choisissez les projets qui seront financés.', '+61 days', '+80 days', 'questionnaire'
    UNION ALL SELECT 'plan-velo-saint-martin', 0, 'Diagnostic partagé',
           'Signalez les points noirs du quartier.', '+15 days', '+45 days', 'discussion,proposal'
    UNION ALL SELECT 'plan-velo-saint-martin', 1, 'Questionnaire',
           'Donnez votre avis sur les aménagements proposés.', '+46 days', '+75 days', 'questionnaire'
    UNION ALL SELECT 'mobilites-2025', 0, 'Consultation',
           'Questionnaire et débats sur les lignes de bus.', '-200 days', '-130 days', 'questionnaire,discussion'
    UNION ALL SELECT 'mobilites-2025', 1, 'Bilan', 'Publication du bilan.', '-129 days', '-110 days', ''
) v ON v.slug = p.slug;

-- Phases that opened before the demo was loaded count as announced.
UPDATE process_phases SET opened_announced = 1 WHERE starts_on <= date('now');

-- A discussion in the quays process, with a few contributions.
INSERT INTO discussions (process_id, slug, question, context, opens_on, closes_on, status, comments_count, opinion_map, created_at, updated_at)
SELECT id, 'usages-des-quais', 'Quels usages voulez-vous privilégier sur les quais ?',
       'Les trois scénarios présentés font des choix différents entre **promenade**, **stationnement** et **terrasses**. Dites-nous ce qui compte le plus pour vous, et pourquoi.',
       date('now', '-5 days'), date('now', '+25 days'), 'published', 3, 1,
       strftime('%s', 'now', '-5 days'), strftime('%s', 'now', '-5 days')
FROM processes WHERE slug = 'quais-de-loire';

INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, stance, up, down, replies, badge, created_at)
SELECT 'discussion', d.id, NULL, 1, u.id,
       'Une vraie promenade piétonne le long de la Loire, avec des bancs et de l''ombre. Le stationnement peut se faire au parking de la gare, à cinq minutes.',
       'for', 0, 0, 1, NULL, strftime('%s', 'now', '-4 days')
FROM discussions d, users u WHERE d.slug = 'usages-des-quais' AND u.email = 'camille@valbrune.example.org';

INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, stance, badge, created_at)
SELECT 'discussion', d.id, NULL, 1, u.id,
       'Merci pour vos premières contributions. Le parking de la gare compte 180 places, occupées à 60 % en semaine : nous étudions une navette le samedi.',
       'neutral', 'official', strftime('%s', 'now', '-2 days')
FROM discussions d, users u WHERE d.slug = 'usages-des-quais' AND u.email = 'admin@valbrune.example.org';

INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, created_at)
SELECT 'discussion', d.id, c.id, 2, u.id,
       'D''accord, à condition de garder quelques places pour les personnes à mobilité réduite.',
       strftime('%s', 'now', '-3 days')
FROM discussions d, comments c, users u
WHERE d.slug = 'usages-des-quais' AND c.resource_id = d.id AND c.depth = 1 AND c.stance = 'for'
  AND u.email = 'moderation@valbrune.example.org';

-- Residents may open their own discussions in the participatory budget.
UPDATE processes SET citizen_discussions = 1 WHERE slug = 'budget-participatif-2026';

-- The quays discussion's opinion map: twelve statements from the commune, one
-- waiting for moderation, and 36 residents (demo accounts without a password:
-- nobody can sign in with them) who voted along three broad lines.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 36)
INSERT INTO users (email, display_name, role, created_at, email_confirmed_at)
SELECT printf('habitant-%02d@valbrune.example.org', i), printf('Habitant·e %02d', i), 'citizen',
       strftime('%s', 'now', '-6 days'), strftime('%s', 'now', '-6 days')
FROM n;

INSERT INTO opinion_statements (discussion_id, user_id, body, status, created_at, moderated_at)
SELECT d.id, u.id, v.body, 'accepted', strftime('%s', 'now', '-4 days'), strftime('%s', 'now', '-4 days')
FROM discussions d, users u, (
              SELECT 1 AS pos, 'Les quais doivent devenir piétons le week-end.' AS body
    UNION ALL SELECT 2, 'Il faut garder du stationnement au bord de l''eau.'
    UNION ALL SELECT 3, 'Il faut plus d''arbres et d''ombre le long de la Loire.'
    UNION ALL SELECT 4, 'Des terrasses de cafés animeraient les quais.'
    UNION ALL SELECT 5, 'Une piste cyclable continue est la priorité.'
    UNION ALL SELECT 6, 'Le marché du samedi devrait s''installer sur les quais.'
    UNION ALL SELECT 7, 'Les berges doivent être protégées des crues avant tout aménagement.'
    UNION ALL SELECT 8, 'Une navette depuis le parking de la gare suffirait aux visiteurs.'
    UNION ALL SELECT 9, 'Les terrasses privatiseraient l''espace public.'
    UNION ALL SELECT 10, 'L''éclairage doit être renforcé le soir.'
    UNION ALL SELECT 11, 'Les voitures doivent pouvoir traverser les quais en semaine.'
    UNION ALL SELECT 12, 'Des toilettes publiques et des fontaines à eau sont indispensables.'
) v
WHERE d.slug = 'usages-des-quais' AND u.email = 'admin@valbrune.example.org'
ORDER BY v.pos;

INSERT INTO opinion_statements (discussion_id, user_id, body, status, created_at)
SELECT d.id, u.id, 'Un espace de jeux pour enfants au bord de l''eau.', 'pending', strftime('%s', 'now', '-1 days')
FROM discussions d, users u
WHERE d.slug = 'usages-des-quais' AND u.email = 'camille@valbrune.example.org';

-- Three lines of opinion (walkers, shopkeepers, drivers): a = agree,
-- d = disagree, p = pass; a little noise, and a few statements skipped.
WITH lean (pos, c0, c1, c2) AS (VALUES
    (1, 'a', 'd', 'd'), (2, 'd', 'a', 'a'), (3, 'a', 'a', 'a'), (4, 'p', 'a', 'p'),
    (5, 'a', 'p', 'd'), (6, 'a', 'a', 'd'), (7, 'a', 'a', 'a'), (8, 'a', 'd', 'd'),
    (9, 'a', 'd', 'p'), (10, 'a', 'a', 'a'), (11, 'd', 'p', 'a'), (12, 'a', 'a', 'a')),
voters AS (
    SELECT id AS uid, CAST(substr(email, 10, 2) AS INTEGER) AS i FROM users WHERE email LIKE 'habitant-%'),
statements AS (
    SELECT s.id AS sid, s.discussion_id AS did,
           s.id - (SELECT min(id) FROM opinion_statements WHERE discussion_id = s.discussion_id) + 1 AS pos
    FROM opinion_statements s WHERE s.status = 'accepted')
INSERT INTO opinion_votes (statement_id, user_id, discussion_id, vote, created_at)
SELECT sid, uid, did,
       CASE WHEN (i * 3 + pos) % 13 = 0 THEN 'pass'
            ELSE CASE (CASE i % 3 WHEN 0 THEN c0 WHEN 1 THEN c1 ELSE c2 END)
                     WHEN 'a' THEN 'agree' WHEN 'd' THEN 'disagree' ELSE 'pass' END
       END,
       strftime('%s', 'now', '-3 days') + i * 600 + pos
FROM voters, statements JOIN lean USING (pos)
WHERE (i + 2 * pos) % 7 != 0;

-- Questionnaires. One closed, with the 36 residents' answers and public
-- results; one under way in the quays process, anonymous, with every kind
-- of question.
INSERT INTO questionnaires (process_id, slug, title, intro, opens_on, closes_on, status, anonymous,
                            results_public, responses_count, created_at, updated_at)
SELECT id, 'deplacements-2025', 'Vos déplacements au quotidien',
       'Ce questionnaire a nourri la concertation **Mobilités 2025**. Merci aux habitants qui y ont répondu.',
       date('now', '-200 days'), date('now', '-130 days'), 'published', 0, 1, 0,
       strftime('%s', 'now', '-210 days'), strftime('%s', 'now', '-210 days')
FROM processes WHERE slug = 'mobilites-2025';
INSERT INTO questionnaire_sections (questionnaire_id, position, title, description)
SELECT id, 0, 'Vos trajets', '' FROM questionnaires WHERE slug = 'deplacements-2025';
INSERT INTO questions (questionnaire_id, section_id, position, kind, label, required, options, max, min_label, max_label)
SELECT q.id, s.id, v.pos, v.kind, v.label, v.required, v.options, v.max, v.min_label, v.max_label
FROM questionnaires q JOIN questionnaire_sections s ON s.questionnaire_id = q.id, (
              SELECT 0 AS pos, 'single' AS kind, 'Comment vous déplacez-vous le plus souvent ?' AS label, 1 AS required,
                     'Voiture' || char(10) || 'Bus' || char(10) || 'Vélo' || char(10) || 'À pied' AS options,
                     NULL AS max, '' AS min_label, '' AS max_label
    UNION ALL SELECT 1, 'scale', 'Êtes-vous satisfait des bus de Valbrune ?', 1, '', 5, 'Pas du tout', 'Tout à fait'
    UNION ALL SELECT 2, 'yes_no', 'Utiliseriez-vous une navette gratuite le samedi ?', 0, '', NULL, '', ''
    UNION ALL SELECT 3, 'short_text', 'Une suggestion ?', 0, '', NULL, '', ''
) v WHERE q.slug = 'deplacements-2025';

-- The residents' answers: habitant n° i chose mode i % 4, gave a mark of
-- 1 + i % 5, said yes when i is even; every third one left a suggestion.
INSERT INTO responses (questionnaire_id, user_id, status, section, created_at, submitted_at)
SELECT q.id, u.id, 'submitted', 1, strftime('%s', 'now', '-150 days'), strftime('%s', 'now', '-150 days')
FROM questionnaires q, users u WHERE q.slug = 'deplacements-2025' AND u.email LIKE 'habitant-%';
INSERT INTO answers (response_id, question_id, value)
SELECT r.id, qu.id,
       CASE qu.position
           WHEN 0 THEN 'o' || (CAST(substr(u.email, 10, 2) AS INTEGER) % 4)
           WHEN 1 THEN CAST(1 + CAST(substr(u.email, 10, 2) AS INTEGER) % 5 AS TEXT)
           WHEN 2 THEN CASE WHEN CAST(substr(u.email, 10, 2) AS INTEGER) % 2 = 0 THEN 'yes' ELSE 'no' END
           ELSE 'Plus de bus le dimanche, s''il vous plaît.'
       END
FROM responses r JOIN users u ON u.id = r.user_id JOIN questions qu ON qu.questionnaire_id = r.questionnaire_id
WHERE r.questionnaire_id = (SELECT id FROM questionnaires WHERE slug = 'deplacements-2025')
  AND (qu.position < 3 OR CAST(substr(u.email, 10, 2) AS INTEGER) % 3 = 0);
-- Tallies as the component keeps them (domain::questionnaire::Answer::buckets).
INSERT INTO answer_tallies (question_id, bucket, n)
SELECT a.question_id, 'answered', count(*) FROM answers a JOIN questions q ON q.id = a.question_id
WHERE q.questionnaire_id = (SELECT id FROM questionnaires WHERE slug = 'deplacements-2025') GROUP BY a.question_id;
INSERT INTO answer_tallies (question_id, bucket, n)
SELECT a.question_id, CASE q.kind WHEN 'scale' THEN 'v' || a.value ELSE a.value END, count(*)
FROM answers a JOIN questions q ON q.id = a.question_id
WHERE q.questionnaire_id = (SELECT id FROM questionnaires WHERE slug = 'deplacements-2025')
  AND q.kind IN ('single', 'scale', 'yes_no') GROUP BY 1, 2;
UPDATE questionnaires SET responses_count = (SELECT count(*) FROM responses WHERE questionnaire_id = questionnaires.id AND status = 'submitted');

INSERT INTO questionnaires (process_id, slug, title, intro, opens_on, closes_on, status, anonymous,
                            results_public, created_at, updated_at)
SELECT id, 'marche-des-quais', 'Un marché sur les quais ?',
       'La commune étudie l''installation du **marché du samedi** sur les quais. Dites-nous comment vous l''imaginez : cinq minutes suffisent, et vos réponses sont anonymes.',
       date('now', '-3 days'), date('now', '+27 days'), 'published', 1, 1,
       strftime('%s', 'now', '-4 days'), strftime('%s', 'now', '-4 days')
FROM processes WHERE slug = 'quais-de-loire';
INSERT INTO questionnaire_sections (questionnaire_id, position, title, description)
SELECT q.id, v.pos, v.title, v.description FROM questionnaires q, (
              SELECT 0 AS pos, 'Vous et le marché' AS title, '' AS description
    UNION ALL SELECT 1, 'Vos habitudes', 'Quelques questions sur vos venues au marché.'
    UNION ALL SELECT 2, 'Le marché de demain', 'Vos priorités pour le nouveau marché.'
) v WHERE q.slug = 'marche-des-quais';
INSERT INTO questions (questionnaire_id, section_id, position, kind, label, help, required, options, rows, other, min, max, min_label, max_label)
SELECT q.id, s.id, v.pos, v.kind, v.label, v.help, v.required, v.options, v.rows, v.other, v.min, v.max, v.min_label, v.max_label
FROM questionnaires q JOIN questionnaire_sections s ON s.questionnaire_id = q.id AND s.position = v.section, (
              SELECT 0 AS section, 0 AS pos, 'yes_no' AS kind, 'Allez-vous au marché du samedi ?' AS label, '' AS help, 1 AS required,
                     '' AS options, '' AS rows, 0 AS other, NULL AS min, NULL AS max, '' AS min_label, '' AS max_label
    UNION ALL SELECT 1, 0, 'number', 'Combien de fois par mois ?', 'Un nombre entre 0 et 31.', 0, '', '', 0, 0, 31, '', ''
    UNION ALL SELECT 1, 1, 'single', 'Comment y venez-vous ?', '', 0,
                     'À pied' || char(10) || 'À vélo' || char(10) || 'En bus' || char(10) || 'En voiture', '', 1, NULL, NULL, '', ''
    UNION ALL SELECT 1, 2, 'date', 'À quelle date y êtes-vous allé pour la dernière fois ?', '', 0, '', '', 0, NULL, NULL, '', ''
    UNION ALL SELECT 2, 0, 'multiple', 'Que voudriez-vous y trouver ?', 'Deux à trois réponses.', 1,
                     'Producteurs locaux' || char(10) || 'Artisanat' || char(10) || 'Restauration' || char(10) || 'Animations',
                     '', 1, 2, 3, '', ''
    UNION ALL SELECT 2, 1, 'ranking', 'Classez ces emplacements', '', 0,
                     'Quai Est' || char(10) || 'Quai Ouest' || char(10) || 'Place de la Mairie', '', 0, NULL, NULL, '', ''
    UNION ALL SELECT 2, 2, 'matrix', 'Ces horaires vous conviennent-ils ?', '', 0,
                     'Oui' || char(10) || 'Non' || char(10) || 'Sans avis', 'Samedi matin' || char(10) || 'Dimanche matin', 0, NULL, NULL, '', ''
    UNION ALL SELECT 2, 3, 'scale', 'Ce projet vous paraît-il important ?', '', 1, '', '', 0, NULL, 10, 'Pas du tout', 'Très important'
    UNION ALL SELECT 2, 4, 'long_text', 'Autre chose à nous dire ?', '', 0, '', '', 0, NULL, NULL, '', ''
) v WHERE q.slug = 'marche-des-quais';
-- The habits part only for people who go to the market.
UPDATE questions SET condition_question = (SELECT id FROM questions WHERE label = 'Allez-vous au marché du samedi ?'),
                     condition_option = 0
WHERE label IN ('Combien de fois par mois ?', 'Comment y venez-vous ?',
                'À quelle date y êtes-vous allé pour la dernière fois ?');

-- Proposals in the participatory budget: topics, a threshold of 10 supports,
-- at most 5 supports per person, a few proposals the residents supported.
INSERT INTO proposal_categories (name, position) VALUES
    ('Espaces verts', 0), ('Mobilités', 1), ('Vie de quartier', 2), ('Sport et loisirs', 3);
UPDATE processes SET support_threshold = 10, support_limit = 5 WHERE slug = 'budget-participatif-2026';
INSERT INTO proposals (process_id, user_id, title, body, category_id, district_id, address, latitude, longitude,
                       state, status, shuffle, published_at, created_at, updated_at)
SELECT p.id, u.id, v.title, v.body, (SELECT id FROM proposal_categories WHERE name = v.category),
       (SELECT id FROM districts WHERE name = v.district), v.address, v.lat, v.lon, 'published', v.status, v.shuffle,
       strftime('%s', 'now', v.ago), strftime('%s', 'now', v.ago), strftime('%s', 'now', v.ago)
FROM processes p, users u, (
              SELECT 'camille@valbrune.example.org' AS email, 'Des jardins partagés au Bois-Joli' AS title,
                     'Transformer la friche derrière l''école en **jardins partagés**, avec un récupérateur d''eau de pluie et un composteur.' AS body,
                     'Espaces verts' AS category, 'Bois-Joli' AS district, 'Rue des Tilleuls' AS address, 'open' AS status,
                     1234567 AS shuffle, '-8 days' AS ago, 47.40121 AS lat, 0.97312 AS lon
    UNION ALL SELECT 'habitant-01@valbrune.example.org', 'Un abri vélo sécurisé à la gare',
                     'Un abri fermé pour une quarantaine de vélos, accessible avec un badge.',
                     'Mobilités', 'Centre-ville', 'Place de la Gare', 'review', 987654321, '-7 days', 47.39684, 0.98423
    UNION ALL SELECT 'habitant-02@valbrune.example.org', 'Des bancs le long de la Loire',
                     'Installer des bancs tous les cent mètres sur le chemin de halage.',
                     'Vie de quartier', 'Les Quais', '', 'open', 555555555, '-6 days', NULL, NULL
    UNION ALL SELECT 'habitant-03@valbrune.example.org', 'Un terrain de basket à Saint-Martin',
                     'Rénover le terrain derrière le gymnase et y ajouter des paniers à hauteur d''enfant.',
                     'Sport et loisirs', 'Saint-Martin', 'Gymnase Saint-Martin', 'open', 42424242, '-4 days', 47.39052, 0.97701
) v
WHERE p.slug = 'budget-participatif-2026' AND u.email = v.email;
-- The residents' supports: 11 for the gardens (over the threshold), 6, 3, 0.
INSERT INTO proposal_supports (proposal_id, user_id, process_id, created_at)
SELECT pr.id, u.id, pr.process_id, strftime('%s', 'now', '-3 days')
FROM proposals pr, users u
WHERE u.email LIKE 'habitant-%' AND u.email != (SELECT email FROM users WHERE id = pr.user_id)
  AND CAST(substr(u.email, 10, 2) AS INTEGER) <= CASE pr.title
        WHEN 'Des jardins partagés au Bois-Joli' THEN 11
        WHEN 'Un abri vélo sécurisé à la gare' THEN 7
        WHEN 'Des bancs le long de la Loire' THEN 4
        ELSE 0 END;
UPDATE proposals SET supports = (SELECT count(*) FROM proposal_supports WHERE proposal_id = proposals.id);
UPDATE proposals SET threshold_reached_at = strftime('%s', 'now', '-3 days') WHERE supports >= 10;
INSERT INTO proposal_answers (proposal_id, status, body, user_id, created_at)
SELECT pr.id, 'review', 'Les services techniques étudient l''emplacement et le coût.', u.id, strftime('%s', 'now', '-2 days')
FROM proposals pr, users u WHERE pr.title = 'Un abri vélo sécurisé à la gare' AND u.email = 'admin@valbrune.example.org';

-- The finished process, Mobilités 2025, as a whole: its questionnaire (above),
-- a discussion with an opinion map, three proposals the commune answered and
-- followed up, and the published report (bilan). The e2e test
-- pages::the_report_of_a_finished_process_matches_its_rows recomputes its
-- figures by hand from what this section says:
-- - residents 01 to 36 answered the questionnaire, one every two days from
--   200 days ago (above, spread here);
-- - residents 01 to 24 voted on all six accepted statements (144 votes):
--   the even ones agree with 1, 2, 3, 4, disagree with 5, pass on 6; the odd
--   ones agree with 1, 3, 5, 6, disagree with 2 and 4;
-- - five visible comments (one by the commune, one reply, one badged
--   "impact"), one hidden after reports, a statement rejected;
-- - proposals by residents 07, 08 and 09, supported by 14, 9 and 5 residents.
UPDATE responses SET
    created_at = strftime('%s', 'now', printf('%d days', -202 + 2 * (SELECT CAST(substr(email, 10, 2) AS INTEGER) FROM users WHERE id = responses.user_id))),
    submitted_at = strftime('%s', 'now', printf('%d days', -202 + 2 * (SELECT CAST(substr(email, 10, 2) AS INTEGER) FROM users WHERE id = responses.user_id)))
WHERE questionnaire_id = (SELECT id FROM questionnaires WHERE slug = 'deplacements-2025');

INSERT INTO discussions (process_id, slug, question, context, opens_on, closes_on, status, comments_count, opinion_map, created_at, updated_at)
SELECT id, 'lignes-de-bus', 'Comment améliorer les lignes de bus ?',
       'Fréquences, horaires, arrêts, tarifs : dites-nous ce qui vous ferait prendre le bus plus souvent.',
       date('now', '-200 days'), date('now', '-130 days'), 'published', 6, 1,
       strftime('%s', 'now', '-200 days'), strftime('%s', 'now', '-200 days')
FROM processes WHERE slug = 'mobilites-2025';

INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, stance, up, badge, created_at)
SELECT 'discussion', d.id, NULL, 1, u.id, v.body, v.stance, v.up, v.badge, strftime('%s', 'now', v.ago)
FROM discussions d, users u, (
              SELECT 'habitant-01@valbrune.example.org' AS email, 'for' AS stance, 5 AS up, 'impact' AS badge, '-190 days' AS ago,
                     'Un bus toutes les quinze minutes aux heures de pointe changerait tout pour aller au lycée.' AS body
    UNION ALL SELECT 'habitant-02@valbrune.example.org', 'against', 1, NULL, '-185 days',
                     'Les bus roulent souvent à vide en journée : des navettes à la demande coûteraient moins cher.'
    UNION ALL SELECT 'habitant-03@valbrune.example.org', 'neutral', 2, NULL, '-170 days',
                     'Pensez aux personnes âgées : un abribus avec un banc à chaque arrêt.'
    UNION ALL SELECT 'admin@valbrune.example.org', 'neutral', 0, 'official', '-150 days',
                     'Merci pour vos contributions. La fréquence de la ligne 2 sera étudiée avec l''agglomération.'
    UNION ALL SELECT 'habitant-06@valbrune.example.org', NULL, 0, NULL, '-160 days',
                     'Message hors sujet, masqué après trois signalements.'
) v
WHERE d.slug = 'lignes-de-bus' AND u.email = v.email;
UPDATE comments SET replies = 1
WHERE resource = 'discussion' AND badge = 'impact'
  AND resource_id = (SELECT id FROM discussions WHERE slug = 'lignes-de-bus');
INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, created_at)
SELECT 'discussion', c.resource_id, c.id, 2, u.id, 'Oui, surtout le matin entre 7 h et 9 h.', strftime('%s', 'now', '-188 days')
FROM comments c, users u
WHERE c.resource = 'discussion' AND c.badge = 'impact'
  AND c.resource_id = (SELECT id FROM discussions WHERE slug = 'lignes-de-bus')
  AND u.email = 'habitant-04@valbrune.example.org';
INSERT INTO comment_reports (comment_id, user_id, reason, created_at, resolved_at, resolution, resolved_by)
SELECT c.id, u.id, 'Hors sujet', strftime('%s', 'now', '-159 days'), NULL, NULL, NULL
FROM comments c, users u
WHERE c.body LIKE 'Message hors sujet%' AND u.email IN ('habitant-10@valbrune.example.org',
      'habitant-11@valbrune.example.org', 'habitant-12@valbrune.example.org');
UPDATE comments SET hidden_at = strftime('%s', 'now', '-159 days')
WHERE body LIKE 'Message hors sujet%';

INSERT INTO opinion_statements (discussion_id, user_id, body, status, created_at, moderated_at)
SELECT d.id, u.id, v.body, 'accepted', strftime('%s', 'now', '-198 days'), strftime('%s', 'now', '-198 days')
FROM discussions d, users u, (
              SELECT 1 AS pos, 'Les bus doivent passer le dimanche.' AS body
    UNION ALL SELECT 2, 'Une navette gratuite le samedi attirerait du monde en centre-ville.'
    UNION ALL SELECT 3, 'Les horaires doivent être affichés en temps réel aux arrêts.'
    UNION ALL SELECT 4, 'Il faut une voie réservée aux bus avenue de la République.'
    UNION ALL SELECT 5, 'Le vélo vaut mieux que le bus pour les trajets courts.'
    UNION ALL SELECT 6, 'Les tarifs actuels sont trop élevés.'
) v
WHERE d.slug = 'lignes-de-bus' AND u.email = 'admin@valbrune.example.org'
ORDER BY v.pos;
INSERT INTO opinion_statements (discussion_id, user_id, body, status, created_at, moderated_at)
SELECT d.id, u.id, 'Supprimez la ligne 4, personne ne la prend !!!', 'rejected',
       strftime('%s', 'now', '-180 days'), strftime('%s', 'now', '-179 days')
FROM discussions d, users u WHERE d.slug = 'lignes-de-bus' AND u.email = 'habitant-05@valbrune.example.org';

WITH lean (pos, even, odd) AS (VALUES
    (1, 'agree', 'agree'), (2, 'agree', 'disagree'), (3, 'agree', 'agree'),
    (4, 'agree', 'disagree'), (5, 'disagree', 'agree'), (6, 'pass', 'agree')),
voters AS (
    SELECT id AS uid, CAST(substr(email, 10, 2) AS INTEGER) AS i FROM users
    WHERE email LIKE 'habitant-%' AND CAST(substr(email, 10, 2) AS INTEGER) <= 24),
statements AS (
    SELECT s.id AS sid, s.discussion_id AS did,
           s.id - (SELECT min(id) FROM opinion_statements WHERE discussion_id = s.discussion_id) + 1 AS pos
    FROM opinion_statements s
    WHERE s.status = 'accepted' AND s.discussion_id = (SELECT id FROM discussions WHERE slug = 'lignes-de-bus'))
INSERT INTO opinion_votes (statement_id, user_id, discussion_id, vote, created_at)
SELECT sid, uid, did, CASE i % 2 WHEN 0 THEN even ELSE odd END,
       strftime('%s', 'now', '-190 days') + i * 86400 + pos
FROM voters, statements JOIN lean USING (pos)
ORDER BY i, pos;
UPDATE opinion_statements SET
    agree = (SELECT count(*) FROM opinion_votes v WHERE v.statement_id = opinion_statements.id AND v.vote = 'agree'),
    disagree = (SELECT count(*) FROM opinion_votes v WHERE v.statement_id = opinion_statements.id AND v.vote = 'disagree'),
    pass = (SELECT count(*) FROM opinion_votes v WHERE v.statement_id = opinion_statements.id AND v.vote = 'pass')
WHERE discussion_id = (SELECT id FROM discussions WHERE slug = 'lignes-de-bus');

INSERT INTO proposals (process_id, user_id, title, body, category_id, district_id, address, latitude, longitude,
                       state, status, shuffle, published_at, created_at, updated_at)
SELECT p.id, u.id, v.title, v.body, (SELECT id FROM proposal_categories WHERE name = v.category),
       (SELECT id FROM districts WHERE name = v.district), '', NULL, NULL, 'published', v.status, v.shuffle,
       strftime('%s', 'now', v.ago), strftime('%s', 'now', v.ago), strftime('%s', 'now', v.ago)
FROM processes p, users u, (
              SELECT 'habitant-07@valbrune.example.org' AS email, 'Une navette gratuite le samedi' AS title,
                     'Une navette gratuite entre le parking de la gare et le centre-ville, le samedi de 9 h à 19 h.' AS body,
                     'Mobilités' AS category, 'Centre-ville' AS district, 'progress' AS status, 31415926 AS shuffle, '-185 days' AS ago
    UNION ALL SELECT 'habitant-08@valbrune.example.org', 'Un bus toutes les dix minutes sur la ligne 2',
                     'Doubler la fréquence de la ligne 2 toute la journée, du lundi au samedi.',
                     'Mobilités', 'Saint-Martin', 'rejected', 27182818, '-180 days'
    UNION ALL SELECT 'habitant-09@valbrune.example.org', 'Des abribus avec un banc au Bois-Joli',
                     'Équiper les quatre arrêts du Bois-Joli d''un abri et d''un banc.',
                     'Mobilités', 'Bois-Joli', 'done', 16180339, '-175 days'
) v
WHERE p.slug = 'mobilites-2025' AND u.email = v.email;
INSERT INTO proposal_supports (proposal_id, user_id, process_id, created_at)
SELECT pr.id, u.id, pr.process_id, pr.published_at + CAST(substr(u.email, 10, 2) AS INTEGER) * 86400
FROM proposals pr, users u
WHERE pr.process_id = (SELECT id FROM processes WHERE slug = 'mobilites-2025') AND u.email LIKE 'habitant-%'
  AND u.id != pr.user_id
  AND CAST(substr(u.email, 10, 2) AS INTEGER) BETWEEN
      CASE pr.title WHEN 'Une navette gratuite le samedi' THEN 1 WHEN 'Un bus toutes les dix minutes sur la ligne 2' THEN 16 ELSE 25 END
  AND CASE pr.title WHEN 'Une navette gratuite le samedi' THEN 15 WHEN 'Un bus toutes les dix minutes sur la ligne 2' THEN 24 ELSE 29 END;
UPDATE proposals SET supports = (SELECT count(*) FROM proposal_supports WHERE proposal_id = proposals.id)
WHERE process_id = (SELECT id FROM processes WHERE slug = 'mobilites-2025');
INSERT INTO proposal_answers (proposal_id, status, body, user_id, created_at)
SELECT pr.id, v.status, v.body, u.id, strftime('%s', 'now', v.ago)
FROM proposals pr, users u, (
              SELECT 'Une navette gratuite le samedi' AS title, 'accepted' AS status, '-120 days' AS ago,
                     'Retenue : une navette électrique circulera le samedi à partir du printemps.' AS body
    UNION ALL SELECT 'Une navette gratuite le samedi', 'progress', '-90 days', 'Le marché de la navette est attribué.'
    UNION ALL SELECT 'Un bus toutes les dix minutes sur la ligne 2', 'rejected', '-120 days',
                     'Le coût (1,2 M€ par an) dépasse le budget des transports ; la fréquence passera à quinze minutes aux heures de pointe.'
    UNION ALL SELECT 'Des abribus avec un banc au Bois-Joli', 'accepted', '-120 days', 'Retenue dans le budget 2026.'
    UNION ALL SELECT 'Des abribus avec un banc au Bois-Joli', 'done', '-60 days', 'Les quatre abribus sont posés.'
) v
WHERE pr.title = v.title AND u.email = 'admin@valbrune.example.org';
-- Who took part, and the counters, as the components keep them
-- (kit::activity): every process's figures are counted from its rows, so
-- cards, dashboard and reports agree from the first page on. A contribution
-- is a comment (on a debate or a proposal), an opinion statement, a submitted
-- questionnaire response, a published proposal or a debate a resident
-- opened; a participant is anyone who made one, voted on a statement or
-- supported a proposal.
INSERT OR IGNORE INTO process_participants (process_id, user_id)
SELECT d.process_id, c.user_id FROM comments c JOIN discussions d
    ON c.resource = 'discussion' AND c.resource_id = d.id
    WHERE d.process_id IS NOT NULL AND c.user_id IS NOT NULL
UNION SELECT pr.process_id, c.user_id FROM comments c JOIN proposals pr
    ON c.resource = 'proposal' AND c.resource_id = pr.id WHERE c.user_id IS NOT NULL
UNION SELECT d.process_id, s.user_id FROM opinion_statements s JOIN discussions d ON d.id = s.discussion_id
    WHERE d.process_id IS NOT NULL AND s.user_id IS NOT NULL
UNION SELECT d.process_id, v.user_id FROM opinion_votes v JOIN discussions d ON d.id = v.discussion_id
    WHERE d.process_id IS NOT NULL AND v.user_id IS NOT NULL
UNION SELECT q.process_id, r.user_id FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id
    WHERE q.process_id IS NOT NULL AND r.user_id IS NOT NULL AND r.status = 'submitted'
UNION SELECT process_id, user_id FROM proposals WHERE state = 'published' AND user_id IS NOT NULL
UNION SELECT process_id, user_id FROM proposal_supports WHERE user_id IS NOT NULL
UNION SELECT d.process_id, d.user_id FROM discussions d JOIN users u ON u.id = d.user_id
    WHERE d.process_id IS NOT NULL AND u.role = 'citizen';
UPDATE processes SET
    participants = (SELECT count(*) FROM process_participants WHERE process_id = processes.id),
    proposals_count = (SELECT count(*) FROM proposals WHERE process_id = processes.id AND state = 'published'),
    contributions = (SELECT count(*) FROM comments WHERE resource = 'discussion'
                        AND resource_id IN (SELECT id FROM discussions WHERE process_id = processes.id))
                  + (SELECT count(*) FROM comments WHERE resource = 'proposal'
                        AND resource_id IN (SELECT id FROM proposals WHERE process_id = processes.id))
                  + (SELECT count(*) FROM opinion_statements WHERE discussion_id IN (SELECT id FROM discussions WHERE process_id = processes.id))
                  + (SELECT count(*) FROM responses WHERE status = 'submitted'
                        AND questionnaire_id IN (SELECT id FROM questionnaires WHERE process_id = processes.id))
                  + (SELECT count(*) FROM proposals WHERE process_id = processes.id AND state = 'published')
                  + (SELECT count(*) FROM discussions d JOIN users u ON u.id = d.user_id
                        WHERE d.process_id = processes.id AND u.role = 'citizen');

-- needs 0025: what follows uses the tables and columns migration 0025 brings
-- (the e2e test that upgrades a database from an earlier schema loads the
-- demo only up to the first such line its schema cannot hold).
UPDATE comments SET hidden_reason = 'reports' WHERE hidden_at IS NOT NULL;
INSERT INTO proposal_milestones (proposal_id, on_date, percent, body, user_id, created_at)
SELECT pr.id, date('now', v.ago), v.percent, v.body, u.id, strftime('%s', 'now', v.ago)
FROM proposals pr, users u, (
              SELECT 'Une navette gratuite le samedi' AS title, '-100 days' AS ago, 25 AS percent,
                     'Appel d''offres lancé pour une navette électrique.' AS body
    UNION ALL SELECT 'Une navette gratuite le samedi', '-40 days', 60, 'Véhicule livré ; essais sur le parcours.'
    UNION ALL SELECT 'Des abribus avec un banc au Bois-Joli', '-90 days', 50, 'Deux abribus posés sur quatre.'
    UNION ALL SELECT 'Des abribus avec un banc au Bois-Joli', '-60 days', 100, 'Les quatre abribus sont posés.'
) v
WHERE pr.title = v.title AND u.email = 'admin@valbrune.example.org';

INSERT INTO process_reports (process_id, commentary, commitments, published_at, user_id, updated_at)
SELECT p.id,
       'La demande la plus partagée est **un bus le dimanche** : tous les groupes de l''opinion s''accordent sur ce point, comme sur l''affichage des horaires en temps réel. La navette du samedi divise davantage, mais la proposition a recueilli le plus de soutiens ; elle est en cours de mise en place.',
       '- Une navette électrique gratuite le samedi, au printemps.' || char(10) ||
       '- La ligne 2 toutes les quinze minutes aux heures de pointe, à la rentrée.' || char(10) ||
       '- Les horaires en temps réel à tous les arrêts d''ici la fin de l''année.',
       strftime('%s', 'now', '-105 days'), u.id, strftime('%s', 'now', '-105 days')
FROM processes p, users u WHERE p.slug = 'mobilites-2025' AND u.email = 'admin@valbrune.example.org';

-- needs 0028: the news of a process shows on its page too.
UPDATE news SET process_id = (SELECT id FROM processes WHERE slug = 'quais-de-loire') WHERE slug = 'reunion-quai-loire';
UPDATE news SET process_id = (SELECT id FROM processes WHERE slug = 'budget-participatif-2026') WHERE slug = 'budget-participatif-2026';

-- needs 0029: the participatory budget's vote. It opens now, beside the call
-- for ideas (ideas submitted now feed the next round): two envelopes, the
-- whole commune's (any projects up to 150 000 €, most votes first) and
-- Bois-Joli's (two projects at most, the Method of Equal Shares), projects
-- reviewed by the services, and the ballots of 30 residents and two on paper.
-- Counters are set from the rows at the end, as the component keeps them.
INSERT INTO process_phases (process_id, position, name, description, starts_on, ends_on, tools)
SELECT id, 3, 'Vote des projets étudiés',
       'Les projets issus des idées de l''an dernier, étudiés par les services, sont soumis au vote : composez votre panier.',
       date('now', '-3 days'), date('now', '+30 days'), 'budget'
FROM processes WHERE slug = 'budget-participatif-2026';

INSERT INTO budget_envelopes (process_id, name, description, district_id, amount, ballot, max_projects, min_percent,
                              method, changeable, created_at, updated_at)
SELECT p.id, v.name, v.description, (SELECT id FROM districts WHERE name = v.district), v.amount, v.ballot, v.max_projects,
       0, v.method, 1, strftime('%s', 'now', '-5 days'), strftime('%s', 'now', '-5 days')
FROM processes p, (
              SELECT 'Toute la commune' AS name,
                     'Des projets pour toute la ville : choisissez-en autant que vous voulez, dans la limite de l''enveloppe.' AS description,
                     NULL AS district, 150000 AS amount, 'knapsack' AS ballot, NULL AS max_projects, 'greedy' AS method
    UNION ALL SELECT 'Quartier du Bois-Joli',
                     'Pour les habitants du Bois-Joli : choisissez deux projets au plus.',
                     'Bois-Joli', 40000, 'approval', 2, 'equal_shares'
) v
WHERE p.slug = 'budget-participatif-2026';

INSERT INTO budget_projects (envelope_id, title, body, cost, first_cost, district_id, category_id, proposal_id, address,
                             latitude, longitude, feasibility, review, reviewed_at, created_at, updated_at)
SELECT e.id, v.title, v.body, v.cost, v.first_cost, (SELECT id FROM districts WHERE name = v.district),
       (SELECT id FROM proposal_categories WHERE name = v.category),
       (SELECT id FROM proposals WHERE title = v.proposal), v.address,
       -- Where the proposal it comes from is.
       (SELECT latitude FROM proposals WHERE title = v.proposal),
       (SELECT longitude FROM proposals WHERE title = v.proposal), v.feasibility, v.review,
       CASE WHEN v.feasibility = 'pending' THEN NULL ELSE strftime('%s', 'now', '-6 days') END,
       strftime('%s', 'now', '-8 days'), strftime('%s', 'now', '-6 days')
FROM budget_envelopes e, (
              SELECT 'Toute la commune' AS envelope, 'Un abri vélo sécurisé à la gare' AS title,
                     'Un abri fermé pour quarante vélos, accessible avec un badge, **éclairé la nuit**.' AS body,
                     45000 AS cost, 38000 AS first_cost, 'Centre-ville' AS district, 'Mobilités' AS category,
                     'Un abri vélo sécurisé à la gare' AS proposal, 'Place de la Gare' AS address, 'feasible' AS feasibility,
                     'Coût revu : le sol doit être repris pour ancrer l''abri.' AS review
    UNION ALL SELECT 'Toute la commune', 'Des bancs le long de la Loire',
                     'Vingt bancs sur le chemin de halage, un tous les cent mètres.', 18000, NULL, 'Les Quais', 'Vie de quartier',
                     'Des bancs le long de la Loire', 'Chemin de halage', 'feasible', ''
    UNION ALL SELECT 'Toute la commune', 'Un terrain de basket rénové à Saint-Martin',
                     'Un revêtement neuf, des paniers à hauteur d''enfant et un éclairage.', 60000, NULL, 'Saint-Martin',
                     'Sport et loisirs', 'Un terrain de basket à Saint-Martin', 'Gymnase Saint-Martin', 'feasible', ''
    UNION ALL SELECT 'Toute la commune', 'Une fresque participative au collège',
                     'Une fresque peinte avec les élèves sur le mur de la cour.', 12000, NULL, 'Centre-ville', 'Vie de quartier',
                     NULL, 'Collège Jean-Moulin', 'feasible', ''
    UNION ALL SELECT 'Toute la commune', 'Des fontaines à eau dans les parcs',
                     'Six fontaines d''eau potable dans les parcs et les aires de jeux.', 30000, NULL, NULL, 'Espaces verts',
                     NULL, '', 'feasible', ''
    UNION ALL SELECT 'Toute la commune', 'Un composteur collectif par quartier',
                     'Quatre composteurs partagés, suivis par des habitants référents.', 25000, NULL, NULL, 'Espaces verts',
                     NULL, '', 'feasible', ''
    UNION ALL SELECT 'Toute la commune', 'Une aire de jeux inclusive au parc des Tilleuls',
                     'Des jeux accessibles aux enfants en fauteuil, un sol souple et des bancs à l''ombre.', 80000, NULL,
                     'Bois-Joli', 'Sport et loisirs', NULL, 'Parc des Tilleuls', 'feasible', ''
    UNION ALL SELECT 'Toute la commune', 'Une piste cyclable rue de la République',
                     'Une piste séparée de la circulation sur toute la rue.', 120000, NULL, 'Centre-ville', 'Mobilités',
                     NULL, 'Rue de la République', 'unfeasible',
                     'La rue est une route départementale : la commune ne peut pas y aménager de piste. Le projet est transmis au Département.'
    UNION ALL SELECT 'Toute la commune', 'Un skatepark près de la piscine',
                     'Un petit skatepark en béton à côté de la piscine municipale.', 90000, NULL, NULL, 'Sport et loisirs',
                     NULL, '', 'pending', ''
    UNION ALL SELECT 'Quartier du Bois-Joli', 'Des jardins partagés au Bois-Joli',
                     'Transformer la friche derrière l''école en jardins partagés, avec un récupérateur d''eau de pluie.',
                     15000, NULL, 'Bois-Joli', 'Espaces verts', 'Des jardins partagés au Bois-Joli', 'Rue des Tilleuls', 'feasible', ''
    UNION ALL SELECT 'Quartier du Bois-Joli', 'Des abris vélos devant les écoles',
                     'Deux abris couverts devant les écoles du quartier.', 12000, NULL, 'Bois-Joli', 'Mobilités',
                     NULL, '', 'feasible', ''
    UNION ALL SELECT 'Quartier du Bois-Joli', 'L''éclairage du chemin du lavoir',
                     'Des lampadaires à détection sur le chemin qui relie le lavoir à l''arrêt de bus.', 20000, NULL,
                     'Bois-Joli', 'Vie de quartier', NULL, 'Chemin du lavoir', 'feasible', ''
) v
WHERE e.name = v.envelope
  AND e.process_id = (SELECT id FROM processes WHERE slug = 'budget-participatif-2026');

-- 30 residents vote for the whole commune (six ways of filling the cart), 12
-- of them for Bois-Joli (three ways), and two paper ballots.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
INSERT INTO budget_ballots (envelope_id, channel, user_id, district_id, total, created_at, updated_at)
SELECT e.id, 'online', u.id,
       (SELECT id FROM districts WHERE name = CASE n.i % 4 WHEN 0 THEN 'Centre-ville' WHEN 1 THEN 'Bois-Joli'
                                                          WHEN 2 THEN 'Saint-Martin' ELSE 'Les Quais' END), 0, strftime('%s', 'now', '-2 days', printf('+%d minutes', n.i * 7)),
       strftime('%s', 'now', '-2 days', printf('+%d minutes', n.i * 7))
FROM n, users u, budget_envelopes e
WHERE u.email = printf('habitant-%02d@valbrune.example.org', n.i)
  AND (e.name = 'Toute la commune' OR (e.name = 'Quartier du Bois-Joli' AND n.i <= 12))
  AND e.process_id = (SELECT id FROM processes WHERE slug = 'budget-participatif-2026');
INSERT INTO budget_ballots (envelope_id, channel, paper_ref, entered_by, district_id, total, created_at, updated_at)
SELECT e.id, 'paper', v.ref, u.id, (SELECT id FROM districts WHERE name = v.district), 0,
       strftime('%s', 'now', '-1 days'), strftime('%s', 'now', '-1 days')
FROM budget_envelopes e, users u, (SELECT 'P-0001' AS ref, 'Bois-Joli' AS district UNION ALL SELECT 'P-0002', 'Les Quais') v
WHERE e.name = 'Toute la commune' AND u.email = 'admin@valbrune.example.org'
  AND e.process_id = (SELECT id FROM processes WHERE slug = 'budget-participatif-2026');

INSERT INTO budget_ballot_projects (ballot_id, project_id)
SELECT b.id, p.id
FROM budget_ballots b JOIN budget_envelopes e ON e.id = b.envelope_id
JOIN users u ON u.id = b.user_id
JOIN (
              SELECT 'Toute la commune' AS envelope, 0 AS way, 'Un abri vélo sécurisé à la gare' AS title
    UNION ALL SELECT 'Toute la commune', 0, 'Des bancs le long de la Loire'
    UNION ALL SELECT 'Toute la commune', 0, 'Des fontaines à eau dans les parcs'
    UNION ALL SELECT 'Toute la commune', 1, 'Une aire de jeux inclusive au parc des Tilleuls'
    UNION ALL SELECT 'Toute la commune', 1, 'Une fresque participative au collège'
    UNION ALL SELECT 'Toute la commune', 1, 'Un composteur collectif par quartier'
    UNION ALL SELECT 'Toute la commune', 2, 'Un terrain de basket rénové à Saint-Martin'
    UNION ALL SELECT 'Toute la commune', 2, 'Un abri vélo sécurisé à la gare'
    UNION ALL SELECT 'Toute la commune', 2, 'Une fresque participative au collège'
    UNION ALL SELECT 'Toute la commune', 3, 'Une aire de jeux inclusive au parc des Tilleuls'
    UNION ALL SELECT 'Toute la commune', 3, 'Des fontaines à eau dans les parcs'
    UNION ALL SELECT 'Toute la commune', 4, 'Des bancs le long de la Loire'
    UNION ALL SELECT 'Toute la commune', 4, 'Un composteur collectif par quartier'
    UNION ALL SELECT 'Toute la commune', 4, 'Des fontaines à eau dans les parcs'
    UNION ALL SELECT 'Toute la commune', 4, 'Une fresque participative au collège'
    UNION ALL SELECT 'Toute la commune', 5, 'Un terrain de basket rénové à Saint-Martin'
    UNION ALL SELECT 'Toute la commune', 5, 'Une aire de jeux inclusive au parc des Tilleuls'
    UNION ALL SELECT 'Quartier du Bois-Joli', 0, 'Des jardins partagés au Bois-Joli'
    UNION ALL SELECT 'Quartier du Bois-Joli', 0, 'L''éclairage du chemin du lavoir'
    UNION ALL SELECT 'Quartier du Bois-Joli', 1, 'Des jardins partagés au Bois-Joli'
    UNION ALL SELECT 'Quartier du Bois-Joli', 1, 'Des abris vélos devant les écoles'
    UNION ALL SELECT 'Quartier du Bois-Joli', 2, 'L''éclairage du chemin du lavoir'
) w ON w.envelope = e.name
  AND w.way = CAST(substr(u.email, 10, 2) AS INTEGER) % CASE WHEN e.name = 'Toute la commune' THEN 6 ELSE 3 END
JOIN budget_projects p ON p.envelope_id = e.id AND p.title = w.title;
INSERT INTO budget_ballot_projects (ballot_id, project_id)
SELECT b.id, p.id FROM budget_ballots b JOIN budget_projects p ON p.envelope_id = b.envelope_id
JOIN (SELECT 'P-0001' AS ref, 'Un abri vélo sécurisé à la gare' AS title
      UNION ALL SELECT 'P-0001', 'Des bancs le long de la Loire'
      UNION ALL SELECT 'P-0002', 'Une aire de jeux inclusive au parc des Tilleuls') w
  ON w.ref = b.paper_ref AND w.title = p.title;

UPDATE budget_ballots SET
    projects = (SELECT json_group_array(project_id) FROM
                (SELECT project_id FROM budget_ballot_projects WHERE ballot_id = budget_ballots.id ORDER BY project_id)),
    total = (SELECT coalesce(sum(p.cost), 0) FROM budget_ballot_projects bp JOIN budget_projects p ON p.id = bp.project_id
             WHERE bp.ballot_id = budget_ballots.id);
UPDATE budget_projects SET votes = (SELECT count(*) FROM budget_ballot_projects WHERE project_id = budget_projects.id);
UPDATE budget_envelopes SET
    ballots = (SELECT count(*) FROM budget_ballots WHERE envelope_id = budget_envelopes.id),
    paper_ballots = (SELECT count(*) FROM budget_ballots WHERE envelope_id = budget_envelopes.id AND channel = 'paper');
