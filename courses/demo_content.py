"""Demo modules: original text, French source with English translation, sources cited per lesson."""

MODULES = [
    {
        "slug": "securite-humaine",
        "audiences": [
            "police",
            "civil_society",
            "religious_leader",
            "local_authority",
            "returned_migrant",
        ],
        "duration_minutes": 60,
        "fr": {
            "title": "L'approche de sécurité humaine",
            "summary": (
                "Ce module présente l'approche de sécurité humaine, adoptée par les Nations Unies en 2012. Il montre "
                "comment l'utiliser pour prévenir la traite des personnes et protéger les plus vulnérables en Guinée."
            ),
            "objectives": [
                (
                    "Expliquer la sécurité humaine et ses trois libertés : vivre à l'abri de la peur, à l'abri du "
                    "besoin et dans la dignité."
                ),
                (
                    "Citer les quatre principes de l'approche : centrée sur les personnes, globale, adaptée au "
                    "contexte, axée sur la prévention."
                ),
                "Distinguer la protection et l'autonomisation, et montrer comment elles se complètent.",
                "Analyser une situation de traite des personnes en Guinée avec l'approche de sécurité humaine.",
            ],
        },
        "en": {
            "title": "The human security approach",
            "summary": (
                "This module presents the human security approach, adopted by the United Nations in 2012. It shows how "
                "to use it to prevent trafficking in persons and to protect the most vulnerable in Guinea."
            ),
            "objectives": [
                (
                    "Explain human security and its three freedoms: freedom from fear, freedom from want and freedom "
                    "to live in dignity."
                ),
                (
                    "Name the four principles of the approach: people-centred, comprehensive, context-specific, "
                    "prevention-oriented."
                ),
                "Distinguish protection from empowerment, and show how they complement each other.",
                "Analyse a trafficking situation in Guinea with the human security approach.",
            ],
        },
        "lessons": [
            {
                "slug": "qu-est-ce-que-la-securite-humaine",
                "required": True,
                "fr": {
                    "title": "Qu'est-ce que la sécurité humaine ?",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Pendant longtemps, on a surtout parlé de la sécurité de l'État : ses frontières, "
                                "son armée, ses institutions. La <strong>sécurité humaine</strong> part d'une autre "
                                "question : <em>les personnes sont-elles en sécurité dans leur vie de tous les "
                                "jours ?</em></p><p>En 2012, l'Assemblée générale des Nations Unies a adopté la "
                                "résolution 66/290. Les États membres s'y sont mis d'accord, par consensus, sur une "
                                "compréhension commune de la sécurité humaine. Selon ce texte, la sécurité humaine est "
                                "une approche qui aide les États à repérer et à traiter les menaces graves et étendues "
                                "qui pèsent sur la <strong>survie</strong>, les <strong>moyens de subsistance</strong> "
                                "et la <strong>dignité</strong> de leur population. Ces menaces touchent souvent "
                                "plusieurs domaines à la fois.</p><h3>Trois libertés</h3><p>La résolution rappelle le "
                                "droit de chacun de vivre libre et dans la dignité, à l'abri de la pauvreté et du "
                                "désespoir. On résume souvent cette idée en trois libertés :</p><ul><li><strong>Vivre "
                                "à l'abri de la peur</strong> : ne pas subir la violence, les menaces ou "
                                "l'exploitation.</li><li><strong>Vivre à l'abri du besoin</strong> : avoir de quoi "
                                "manger, se soigner, apprendre et travailler.</li><li><strong>Vivre dans la "
                                "dignité</strong> : être respecté, exercer ses droits, participer aux "
                                "décisions.</li></ul><h3>Ce que la sécurité humaine n'est pas</h3><p>La résolution le "
                                "dit clairement : la sécurité humaine ne remplace pas la sécurité de l'État. Elle "
                                "n'implique ni la menace ni l'usage de la force. Les gouvernements gardent le rôle "
                                "principal pour assurer la survie, les moyens de subsistance et la dignité de leurs "
                                "citoyens. La communauté internationale et la société civile les appuient.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Sécurité humaine",
                                "definition": (
                                    "Approche qui aide les États à repérer et à traiter les menaces graves et étendues "
                                    "qui pèsent sur la survie, les moyens de subsistance et la dignité des personnes "
                                    "(résolution 66/290 de l'Assemblée générale des Nations Unies, 2012)."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "La sécurité humaine met la personne au centre, pas seulement l'État.",
                                "Trois libertés : vivre à l'abri de la peur, à l'abri du besoin et dans la dignité.",
                                "Elle ne remplace pas la sécurité de l'État et n'implique pas l'usage de la force.",
                                "L'État garde le rôle principal ; ses partenaires l'appuient.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Assemblée générale des Nations Unies, résolution 66/290, « Suite donnée au "
                                        "paragraphe 143 sur la sécurité humaine du Document final du Sommet mondial de "
                                        "2005 », adoptée le 10 septembre 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                                {
                                    "text": (
                                        "Nations Unies, Groupe de la sécurité humaine (Human Security Unit) : "
                                        "résolutions de l'Assemblée générale et rapports du Secrétaire général sur la "
                                        "sécurité humaine."
                                    ),
                                    "url": "https://www.un.org/humansecurity/reports-resolutions/",
                                },
                                {
                                    "text": (
                                        "Groupe de la sécurité humaine des Nations Unies, Human Security Handbook: An "
                                        "integrated approach for the realization of the Sustainable Development Goals "
                                        "and the priority areas of the international community and the United Nations "
                                        "system, New York, janvier 2016 (manuel du Fonds des Nations Unies pour la "
                                        "sécurité humaine)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "What is human security?",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>For a long time, people talked mainly about the security of the State: its "
                                "borders, its army, its institutions. <strong>Human security</strong> starts from "
                                "another question: <em>are people safe in their everyday lives?</em></p><p>In 2012, "
                                "the United Nations General Assembly adopted resolution 66/290. In it, Member States "
                                "agreed, by consensus, on a common understanding of human security. According to this "
                                "text, human security is an approach that helps States to identify and address serious "
                                "and widespread threats to the <strong>survival</strong>, <strong>livelihood</strong> "
                                "and <strong>dignity</strong> of their people. These threats often cut across several "
                                "areas at once.</p><h3>Three freedoms</h3><p>The resolution recalls the right of "
                                "people to live in freedom and dignity, free from poverty and despair. This idea is "
                                "often summed up as three freedoms:</p><ul><li><strong>Freedom from fear</strong>: not "
                                "suffering violence, threats or exploitation.</li><li><strong>Freedom from "
                                "want</strong>: having enough to eat, to get health care, to learn and to "
                                "work.</li><li><strong>Freedom to live in dignity</strong>: being respected, "
                                "exercising one's rights, taking part in decisions.</li></ul><h3>What human security "
                                "is not</h3><p>The resolution says it clearly: human security does not replace State "
                                "security. It does not involve the threat or use of force. Governments keep the "
                                "primary role in ensuring the survival, livelihood and dignity of their citizens. The "
                                "international community and civil society support them.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Human security",
                                "definition": (
                                    "An approach that helps States to identify and address serious and widespread "
                                    "threats to the survival, livelihood and dignity of people (United Nations General "
                                    "Assembly resolution 66/290, 2012)."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Human security puts the person at the centre, not only the State.",
                                "Three freedoms: freedom from fear, freedom from want and freedom to live in dignity.",
                                "It does not replace State security and does not involve the use of force.",
                                "The State keeps the primary role; its partners support it.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "United Nations General Assembly, resolution 66/290, “Follow-up to paragraph "
                                        "143 on human security of the 2005 World Summit Outcome”, adopted on 10 "
                                        "September 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                                {
                                    "text": (
                                        "United Nations Human Security Unit: General Assembly resolutions and reports "
                                        "of the Secretary-General on human security."
                                    ),
                                    "url": "https://www.un.org/humansecurity/reports-resolutions/",
                                },
                                {
                                    "text": (
                                        "United Nations Human Security Unit, Human Security Handbook: An integrated "
                                        "approach for the realization of the Sustainable Development Goals and the "
                                        "priority areas of the international community and the United Nations system, "
                                        "New York, January 2016 (handbook of the UN Trust Fund for Human Security)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "les-quatre-principes",
                "required": True,
                "fr": {
                    "title": "Les quatre principes de l'approche",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>La résolution 66/290 demande des réponses <strong>centrées sur les "
                                "personnes</strong>, <strong>globales</strong>, <strong>adaptées au contexte</strong> "
                                "et <strong>axées sur la prévention</strong>. Le manuel du Fonds des Nations Unies "
                                "pour la sécurité humaine (2016) explique ces principes. Voici ce qu'ils veulent dire "
                                "pour votre travail.</p><h3>1. Centrée sur les personnes</h3><p>On part de ce que "
                                "vivent les personnes et de ce qu'elles disent. On les écoute, surtout les plus "
                                "vulnérables : femmes, enfants, jeunes sans emploi, migrants et migrantes de retour. "
                                "Elles participent aux décisions qui les concernent.</p><h3>2. Globale</h3><p>Les "
                                "menaces sont liées entre elles : le chômage, la faim, la violence et le manque "
                                "d'information se renforcent. Une seule réponse ne suffit pas. Il faut réunir "
                                "plusieurs secteurs (sécurité, justice, action sociale, santé, éducation, emploi) et "
                                "plusieurs acteurs (État, autorités locales, société civile, leaders religieux et "
                                "communautaires).</p><h3>3. Adaptée au contexte</h3><p>Les causes ne sont pas les "
                                "mêmes partout. Dans une zone d'orpaillage de Haute-Guinée, près d'une frontière en "
                                "Guinée forestière ou dans un quartier de Conakry, les risques sont différents. On "
                                "analyse chaque situation avant d'agir.</p><h3>4. Axée sur la prévention</h3><p>On "
                                "cherche les causes profondes pour agir avant que le mal soit fait. Prévenir coûte "
                                "moins cher, en argent et en souffrance, que réparer.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "Deux préfectures, deux réponses",
                                "text": (
                                    "<p>Dans une préfecture, le comité local contre la traite organise une seule "
                                    "activité : une grande réunion publique sur les dangers de la migration. Peu de "
                                    "jeunes viennent. Les familles disent que le vrai problème, c'est le manque de "
                                    "travail.</p><p>Dans une autre préfecture, le comité fait d'abord une petite "
                                    "enquête auprès des jeunes, des parents et des chefs de quartier. Il découvre que "
                                    "de faux recruteurs promettent des emplois en ville et à l'étranger. Le comité "
                                    "s'associe alors avec l'action sociale, un centre de formation professionnelle, la "
                                    "police et une radio communautaire.</p>"
                                ),
                                "questions": [
                                    (
                                        "Quels principes de l'approche de sécurité humaine voyez-vous dans la deuxième "
                                        "préfecture ?"
                                    ),
                                    "Qu'est-ce qui a manqué dans la première préfecture ?",
                                    "Dans votre localité, quels acteurs faudrait-il réunir ?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Assemblée générale des Nations Unies, résolution 66/290, « Suite donnée au "
                                        "paragraphe 143 sur la sécurité humaine du Document final du Sommet mondial de "
                                        "2005 », adoptée le 10 septembre 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                                {
                                    "text": (
                                        "Groupe de la sécurité humaine des Nations Unies, Human Security Handbook: An "
                                        "integrated approach for the realization of the Sustainable Development Goals "
                                        "and the priority areas of the international community and the United Nations "
                                        "system, New York, janvier 2016 (manuel du Fonds des Nations Unies pour la "
                                        "sécurité humaine)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "The four principles of the approach",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Resolution 66/290 calls for <strong>people-centred</strong>, "
                                "<strong>comprehensive</strong>, <strong>context-specific</strong> and "
                                "<strong>prevention-oriented</strong> responses. The handbook of the United Nations "
                                "Trust Fund for Human Security (2016) explains these principles. Here is what they "
                                "mean for your work.</p><h3>1. People-centred</h3><p>We start from what people live "
                                "through and what they say. We listen to them, especially the most vulnerable: women, "
                                "children, young people without work, returned migrants. They take part in the "
                                "decisions that concern them.</p><h3>2. Comprehensive</h3><p>Threats are linked to "
                                "each other: unemployment, hunger, violence and lack of information reinforce one "
                                "another. A single response is not enough. We need to bring together several sectors "
                                "(security, justice, social welfare, health, education, employment) and several actors "
                                "(the State, local authorities, civil society, religious and community "
                                "leaders).</p><h3>3. Context-specific</h3><p>The causes are not the same everywhere. "
                                "In an artisanal gold-mining area of Upper Guinea, near a border in Forest Guinea or "
                                "in a neighbourhood of Conakry, the risks are different. We analyse each situation "
                                "before acting.</p><h3>4. Prevention-oriented</h3><p>We look for the root causes in "
                                "order to act before harm is done. Preventing costs less, in money and in suffering, "
                                "than repairing.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "Two prefectures, two responses",
                                "text": (
                                    "<p>In one prefecture, the local committee against trafficking organises a single "
                                    "activity: a large public meeting on the dangers of migration. Few young people "
                                    "come. Families say that the real problem is the lack of work.</p><p>In another "
                                    "prefecture, the committee first carries out a small survey with young people, "
                                    "parents and neighbourhood chiefs. It finds out that false recruiters are "
                                    "promising jobs in town and abroad. The committee then teams up with the social "
                                    "welfare services, a vocational training centre, the police and a community radio "
                                    "station.</p>"
                                ),
                                "questions": [
                                    (
                                        "Which principles of the human security approach do you see in the second "
                                        "prefecture?"
                                    ),
                                    "What was missing in the first prefecture?",
                                    "In your area, which actors would need to be brought together?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "United Nations General Assembly, resolution 66/290, “Follow-up to paragraph "
                                        "143 on human security of the 2005 World Summit Outcome”, adopted on 10 "
                                        "September 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                                {
                                    "text": (
                                        "United Nations Human Security Unit, Human Security Handbook: An integrated "
                                        "approach for the realization of the Sustainable Development Goals and the "
                                        "priority areas of the international community and the United Nations system, "
                                        "New York, January 2016 (handbook of the UN Trust Fund for Human Security)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "protection-et-autonomisation",
                "required": True,
                "fr": {
                    "title": "Protection et autonomisation",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>En 2003, la Commission sur la sécurité humaine a publié le rapport <em>Human "
                                "Security Now</em> (« La sécurité humaine, maintenant »). Ce rapport propose deux "
                                "stratégies qui vont ensemble : la <strong>protection</strong> et "
                                "l'<strong>autonomisation</strong>.</p><h3>La protection, « du haut vers le "
                                "bas »</h3><p>La protection vient des institutions. L'État et ses partenaires mettent "
                                "en place des lois, des services et des règles qui protègent les personnes contre les "
                                "menaces. Exemples dans la lutte contre la traite : une loi pénale qui punit les "
                                "auteurs, une police formée, des services d'accueil pour les survivants et "
                                "survivantes, un mécanisme national d'orientation.</p><h3>L'autonomisation, « du bas "
                                "vers le haut »</h3><p>L'autonomisation renforce les capacités des personnes et des "
                                "communautés. Elles peuvent alors faire des choix éclairés, se protéger, se faire "
                                "entendre et agir. Exemples : une information fiable sur la migration sûre, un "
                                "dialogue communautaire, des ambassadeurs migrants qui partagent leur expérience, une "
                                "formation ou une activité qui apporte un revenu.</p><h3>Pourquoi les deux ?</h3><p>La "
                                "protection seule ne suffit pas : une loi que personne ne connaît protège peu. "
                                "L'autonomisation seule ne suffit pas non plus : une communauté bien informée a besoin "
                                "de services vers lesquels orienter une personne en danger. Le rapport insiste : les "
                                "deux stratégies se renforcent mutuellement.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Autonomisation",
                                "definition": (
                                    "Renforcement des capacités des personnes et des communautés, pour qu'elles "
                                    "puissent faire leurs propres choix et agir pour elles-mêmes. Avec la protection, "
                                    "c'est l'une des deux stratégies de la sécurité humaine."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                (
                                    "Protection : les institutions (lois, police, justice, services) protègent les "
                                    "personnes."
                                ),
                                (
                                    "Autonomisation : les personnes et les communautés renforcent leurs capacités et "
                                    "agissent."
                                ),
                                "Les deux stratégies se renforcent mutuellement.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Commission sur la sécurité humaine, Human Security Now: Protecting and "
                                        "Empowering People, New York, 2003."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                                {
                                    "text": (
                                        "Groupe de la sécurité humaine des Nations Unies, Human Security Handbook: An "
                                        "integrated approach for the realization of the Sustainable Development Goals "
                                        "and the priority areas of the international community and the United Nations "
                                        "system, New York, janvier 2016 (manuel du Fonds des Nations Unies pour la "
                                        "sécurité humaine)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                                {
                                    "text": (
                                        "Assemblée générale des Nations Unies, résolution 66/290, « Suite donnée au "
                                        "paragraphe 143 sur la sécurité humaine du Document final du Sommet mondial de "
                                        "2005 », adoptée le 10 septembre 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Protection and empowerment",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>In 2003, the Commission on Human Security published the report <em>Human Security "
                                "Now</em>. This report proposes two strategies that go together: "
                                "<strong>protection</strong> and <strong>empowerment</strong>.</p><h3>Protection, "
                                "“top-down”</h3><p>Protection comes from institutions. The State and its partners put "
                                "in place laws, services and rules that protect people from threats. Examples in the "
                                "fight against trafficking: a criminal law that punishes offenders, trained police, "
                                "reception services for survivors, a national referral mechanism.</p><h3>Empowerment, "
                                "“bottom-up”</h3><p>Empowerment builds the capacities of people and communities. They "
                                "can then make informed choices, protect themselves, make their voices heard and act. "
                                "Examples: reliable information on safe migration, a community dialogue, migrant "
                                "ambassadors who share their experience, training or an activity that brings in an "
                                "income.</p><h3>Why both?</h3><p>Protection alone is not enough: a law that nobody "
                                "knows about protects little. Empowerment alone is not enough either: a well-informed "
                                "community needs services to which it can refer a person in danger. The report "
                                "insists: the two strategies reinforce each other.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Empowerment",
                                "definition": (
                                    "Building the capacities of people and communities so that they can make their own "
                                    "choices and act for themselves. Together with protection, it is one of the two "
                                    "strategies of human security."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Protection: institutions (laws, police, justice, services) protect people.",
                                "Empowerment: people and communities build their capacities and act.",
                                "The two strategies reinforce each other.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Commission on Human Security, Human Security Now: Protecting and Empowering "
                                        "People, New York, 2003."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                                {
                                    "text": (
                                        "United Nations Human Security Unit, Human Security Handbook: An integrated "
                                        "approach for the realization of the Sustainable Development Goals and the "
                                        "priority areas of the international community and the United Nations system, "
                                        "New York, January 2016 (handbook of the UN Trust Fund for Human Security)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                                {
                                    "text": (
                                        "United Nations General Assembly, resolution 66/290, “Follow-up to paragraph "
                                        "143 on human security of the 2005 World Summit Outcome”, adopted on 10 "
                                        "September 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "appliquer-l-approche-a-la-traite",
                "required": True,
                "fr": {
                    "title": "Appliquer l'approche à la traite des personnes",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>La traite des personnes touche les trois libertés. Elle crée la peur : violences, "
                                "menaces, papiers confisqués. Elle profite du besoin : pauvreté, chômage, dettes. Elle "
                                "détruit la dignité : la personne est traitée comme une marchandise.</p><p>Le manuel "
                                "du Fonds des Nations Unies pour la sécurité humaine propose d'analyser les "
                                "<strong>insécurités</strong> d'une situation, leurs <strong>causes</strong> et leurs "
                                "<strong>liens</strong>. Il distingue plusieurs types d'insécurité : économique, "
                                "alimentaire, sanitaire, environnementale, personnelle, communautaire et politique. "
                                "Appliquée à la traite en Guinée, cette analyse pose des questions "
                                "simples :</p><ul><li>Qui est le plus exposé, et pourquoi ?</li><li>Quelles menaces se "
                                "cumulent (perte de revenus, dette, manque d'information, violence) ?</li><li>Quelles "
                                "protections existent déjà (lois, police, services sociaux, organisations de la "
                                "société civile) ?</li><li>Quelles forces a la communauté (leaders religieux, "
                                "associations de femmes et de jeunes, migrants et migrantes de "
                                "retour) ?</li></ul><p>La réponse réunit alors tous les acteurs et joint la protection "
                                "et l'autonomisation, en tenant compte du contexte local.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Analyser une situation avec l'approche de sécurité humaine",
                                "content": {
                                    "scenario": (
                                        "<p>Mariama a 17 ans et vit en Moyenne-Guinée. Sa famille a perdu sa récolte. "
                                        "Une femme venue de Conakry propose de l'emmener travailler « dans une bonne "
                                        "famille » en ville, contre un salaire envoyé aux parents. Le comité local "
                                        "contre la traite l'apprend.</p>"
                                    ),
                                    "questions": [
                                        {
                                            "text": (
                                                "Quelle insécurité rend d'abord Mariama et sa famille plus "
                                                "vulnérables ?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": (
                                                        "L'insécurité économique et alimentaire, après la perte de la "
                                                        "récolte."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. La perte de revenus crée un besoin dont les recruteurs "
                                                        "profitent souvent."
                                                    ),
                                                },
                                                {
                                                    "text": "Le manque de prudence de la famille.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. On ne blâme ni la famille ni la victime : on cherche les "
                                                        "causes dans la situation."
                                                    ),
                                                },
                                                {
                                                    "text": "Aucune : c'est une bonne nouvelle pour la famille.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Prudence : une offre vague pour une mineure, sans contrat ni "
                                                        "adresse, est un signal d'alerte."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Quelle réponse suit le mieux l'approche de sécurité humaine ?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Le comité réunit l'action sociale, un leader religieux, "
                                                        "l'OPROGEM et une association de femmes, parle avec la famille "
                                                        "et cherche un appui pour ses revenus."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui : une réponse globale, centrée sur les personnes, qui "
                                                        "joint protection et autonomisation."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Le comité donne le nom de la famille à la radio pour avertir "
                                                        "le village."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Nommer une famille l'expose à la honte et au danger. Il "
                                                        "faut ne pas nuire."
                                                    ),
                                                },
                                                {
                                                    "text": "Le comité attend de savoir si Mariama est exploitée.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. L'approche est axée sur la prévention : on agit avant "
                                                        "que le mal soit fait."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Quel exemple relève de l'autonomisation ?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Un dialogue communautaire où jeunes et parents apprennent à "
                                                        "vérifier une offre de travail."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. Les personnes gagnent des capacités pour faire des choix "
                                                        "éclairés."
                                                    ),
                                                },
                                                {
                                                    "text": "Une loi pénale qui punit la traite des personnes.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. C'est une mesure de protection, qui vient des "
                                                        "institutions."
                                                    ),
                                                },
                                                {
                                                    "text": "Une patrouille de police à la gare routière.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. C'est aussi une mesure de protection, pas de "
                                                        "l'autonomisation."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Vérifier",
                                        "retry": "Recommencer",
                                        "score": "Votre score : :num sur :total",
                                        "correct": "Bonne réponse",
                                        "incorrect": "Réponse incorrecte",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Groupe de la sécurité humaine des Nations Unies, Human Security Handbook: An "
                                        "integrated approach for the realization of the Sustainable Development Goals "
                                        "and the priority areas of the international community and the United Nations "
                                        "system, New York, janvier 2016 (manuel du Fonds des Nations Unies pour la "
                                        "sécurité humaine)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                                {
                                    "text": (
                                        "Assemblée générale des Nations Unies, résolution 66/290, « Suite donnée au "
                                        "paragraphe 143 sur la sécurité humaine du Document final du Sommet mondial de "
                                        "2005 », adoptée le 10 septembre 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                                {
                                    "text": (
                                        "Commission sur la sécurité humaine, Human Security Now: Protecting and "
                                        "Empowering People, New York, 2003."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Applying the approach to trafficking in persons",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Trafficking in persons affects all three freedoms. It creates fear: violence, "
                                "threats, confiscated papers. It takes advantage of want: poverty, unemployment, "
                                "debts. It destroys dignity: the person is treated as a commodity.</p><p>The handbook "
                                "of the United Nations Trust Fund for Human Security proposes to analyse the "
                                "<strong>insecurities</strong> in a situation, their <strong>causes</strong> and their "
                                "<strong>links</strong>. It distinguishes several types of insecurity: economic, food, "
                                "health, environmental, personal, community and political. Applied to trafficking in "
                                "Guinea, this analysis asks simple questions:</p><ul><li>Who is most exposed, and "
                                "why?</li><li>Which threats add up (loss of income, debt, lack of information, "
                                "violence)?</li><li>Which protections already exist (laws, police, social services, "
                                "civil society organisations)?</li><li>What strengths does the community have "
                                "(religious leaders, women's and youth associations, returned "
                                "migrants)?</li></ul><p>The response then brings all actors together and combines "
                                "protection and empowerment, taking the local context into account.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Analysing a situation with the human security approach",
                                "content": {
                                    "scenario": (
                                        "<p>Mariama is 17 and lives in Middle Guinea. Her family has lost its harvest. "
                                        "A woman from Conakry offers to take her to work “with a good family” in town, "
                                        "for wages sent to the parents. The local committee against trafficking hears "
                                        "about it.</p>"
                                    ),
                                    "questions": [
                                        {
                                            "text": (
                                                "Which insecurity first makes Mariama and her family more vulnerable?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Economic and food insecurity, after the loss of the harvest."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes. The loss of income creates a need that recruiters often "
                                                        "take advantage of."
                                                    ),
                                                },
                                                {
                                                    "text": "The family's lack of caution.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. We blame neither the family nor the victim: we look for "
                                                        "the causes in the situation."
                                                    ),
                                                },
                                                {
                                                    "text": "None: this is good news for the family.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Be careful: a vague offer for a minor, with no contract and "
                                                        "no address, is a warning sign."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Which response best follows the human security approach?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "The committee brings together social welfare, a religious "
                                                        "leader, the OPROGEM and a women's association, talks with the "
                                                        "family and looks for support for its income."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes: a comprehensive, people-centred response that combines "
                                                        "protection and empowerment."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "The committee gives the family's name on the radio to warn "
                                                        "the village."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Naming a family exposes it to shame and danger. We must "
                                                        "do no harm."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "The committee waits to find out whether Mariama is exploited."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. The approach is prevention-oriented: we act before harm "
                                                        "is done."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Which example is a form of empowerment?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "A community dialogue where young people and parents learn to "
                                                        "check a job offer."
                                                    ),
                                                    "correct": True,
                                                    "feedback": "Yes. People gain capacities to make informed choices.",
                                                },
                                                {
                                                    "text": "A criminal law that punishes trafficking in persons.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. This is a protection measure, which comes from "
                                                        "institutions."
                                                    ),
                                                },
                                                {
                                                    "text": "A police patrol at the bus station.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. This is also a protection measure, not empowerment."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Check",
                                        "retry": "Retry",
                                        "score": "Your score: :num out of :total",
                                        "correct": "Correct",
                                        "incorrect": "Incorrect",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "United Nations Human Security Unit, Human Security Handbook: An integrated "
                                        "approach for the realization of the Sustainable Development Goals and the "
                                        "priority areas of the international community and the United Nations system, "
                                        "New York, January 2016 (handbook of the UN Trust Fund for Human Security)."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                                {
                                    "text": (
                                        "United Nations General Assembly, resolution 66/290, “Follow-up to paragraph "
                                        "143 on human security of the 2005 World Summit Outcome”, adopted on 10 "
                                        "September 2012 (A/RES/66/290)."
                                    ),
                                    "url": "https://undocs.org/A/RES/66/290",
                                },
                                {
                                    "text": (
                                        "Commission on Human Security, Human Security Now: Protecting and Empowering "
                                        "People, New York, 2003."
                                    ),
                                    "url": "https://www.un.org/humansecurity/",
                                },
                            ],
                        ),
                    ],
                },
            },
        ],
    },
    {
        "slug": "comprendre-la-traite",
        "audiences": [
            "police",
            "civil_society",
            "religious_leader",
            "local_authority",
            "returned_migrant",
        ],
        "duration_minutes": 90,
        "fr": {
            "title": "Comprendre la traite des personnes",
            "summary": (
                "Ce module explique la définition internationale de la traite des personnes, la différence avec le "
                "trafic illicite de migrants, les indicateurs qui aident à la reconnaître et le cadre juridique "
                "guinéen."
            ),
            "objectives": [
                "Expliquer les trois éléments de la définition : l'acte – les moyens – la finalité.",
                (
                    "Expliquer pourquoi les moyens ne sont pas exigés pour un enfant, et pourquoi le consentement ne "
                    "compte pas quand des moyens ont été utilisés."
                ),
                "Distinguer la traite des personnes du trafic illicite de migrants.",
                "Reconnaître des indicateurs de traite sans conclure trop vite.",
                "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
            ],
        },
        "en": {
            "title": "Understanding trafficking in persons",
            "summary": (
                "This module explains the international definition of trafficking in persons, the difference with "
                "smuggling of migrants, the indicators that help to recognise it and Guinea's legal framework."
            ),
            "objectives": [
                "Explain the three elements of the definition: act – means – purpose.",
                (
                    "Explain why the means are not required for a child, and why consent does not count when means "
                    "have been used."
                ),
                "Distinguish trafficking in persons from smuggling of migrants.",
                "Recognise indicators of trafficking without jumping to conclusions.",
                "Name the main laws and actors in the fight against trafficking in Guinea.",
            ],
        },
        "lessons": [
            {
                "slug": "acte-moyens-finalite",
                "required": True,
                "fr": {
                    "title": "La définition : l'acte – les moyens – la finalité",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>La définition internationale de la traite des personnes se trouve à l'article 3 du "
                                "<strong>Protocole de Palerme</strong>, adopté par les Nations Unies en 2000. Son nom "
                                "complet est : Protocole visant à prévenir, réprimer et punir la traite des personnes, "
                                "en particulier des femmes et des enfants.</p><p>Pour une victime adulte, il y a "
                                "traite quand trois éléments sont réunis :</p><ol><li><strong>L'acte</strong> (ce que "
                                "l'on fait) : recruter, transporter, transférer, héberger ou accueillir une "
                                "personne.</li><li><strong>Les moyens</strong> (comment on le fait) : la menace, la "
                                "force ou d'autres formes de contrainte, l'enlèvement, la fraude, la tromperie, l'abus "
                                "d'autorité ou d'une situation de vulnérabilité, ou encore de l'argent ou des "
                                "avantages donnés à une personne qui a autorité sur la victime.</li><li><strong>La "
                                "finalité</strong> (le but d'exploitation) : au minimum, l'exploitation de la "
                                "prostitution d'autrui ou d'autres formes d'exploitation sexuelle, le travail ou les "
                                "services forcés, l'esclavage ou les pratiques analogues, la servitude ou le "
                                "prélèvement d'organes.</li></ol><p><strong>Attention :</strong> le but d'exploitation "
                                "suffit. L'exploitation n'a pas besoin d'avoir déjà commencé. Une personne recrutée "
                                "par tromperie pour être exploitée est déjà victime de traite.</p><p>Le rapport "
                                "mondial de l'ONUDC montre que la traite touche des femmes, des hommes, des filles et "
                                "des garçons, dans toutes les régions du monde.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Traite des personnes",
                                "definition": (
                                    "Le recrutement, le transport, le transfert, l'hébergement ou l'accueil de "
                                    "personnes, par des moyens comme la menace, la force, la tromperie ou l'abus d'une "
                                    "situation de vulnérabilité, aux fins d'exploitation (Protocole de Palerme, "
                                    "article 3)."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Pour un adulte, trois éléments : l'acte – les moyens – la finalité.",
                                "L'exploitation n'a pas besoin d'avoir commencé : le but suffit.",
                                "On dit « traite des personnes », jamais « trafic ».",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Protocole visant à prévenir, réprimer et punir la traite des personnes, en "
                                        "particulier des femmes et des enfants, additionnel à la Convention des "
                                        "Nations Unies contre la criminalité transnationale organisée (Protocole de "
                                        "Palerme), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "ONUDC, Loi type contre la traite des personnes (Model Law against Trafficking "
                                        "in Persons), Vienne, 2009 ; voir la page de l'ONUDC sur la traite des "
                                        "personnes."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/index.html",
                                },
                                {
                                    "text": (
                                        "ONUDC, Global Report on Trafficking in Persons (rapport mondial sur la traite "
                                        "des personnes, édition 2024)."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/data-and-analysis/glotip.html",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "The definition: act – means – purpose",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>The international definition of trafficking in persons is found in article 3 of "
                                "the <strong>Palermo Protocol</strong>, adopted by the United Nations in 2000. Its "
                                "full name is: Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
                                "Especially Women and Children.</p><p>For an adult victim, there is trafficking when "
                                "three elements come together:</p><ol><li><strong>The act</strong> (what is done): "
                                "recruiting, transporting, transferring, harbouring or receiving a "
                                "person.</li><li><strong>The means</strong> (how it is done): threat, force or other "
                                "forms of coercion, abduction, fraud, deception, abuse of power or of a position of "
                                "vulnerability, or money or benefits given to a person who has control over the "
                                "victim.</li><li><strong>The purpose</strong> (the aim of exploitation): at a minimum, "
                                "the exploitation of the prostitution of others or other forms of sexual exploitation, "
                                "forced labour or services, slavery or practices similar to slavery, servitude or the "
                                "removal of organs.</li></ol><p><strong>Note:</strong> the aim of exploitation is "
                                "enough. The exploitation does not need to have started already. A person recruited "
                                "through deception in order to be exploited is already a victim of "
                                "trafficking.</p><p>The UNODC global report shows that trafficking affects women, men, "
                                "girls and boys, in every region of the world.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Trafficking in persons",
                                "definition": (
                                    "The recruitment, transportation, transfer, harbouring or receipt of persons, by "
                                    "means such as threat, force, deception or abuse of a position of vulnerability, "
                                    "for the purpose of exploitation (Palermo Protocol, article 3)."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "For an adult, three elements: act – means – purpose.",
                                "The exploitation does not need to have started: the aim is enough.",
                                "In French, we say « traite des personnes », never « trafic ».",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
                                        "Women and Children, supplementing the United Nations Convention against "
                                        "Transnational Organized Crime (Palermo Protocol), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "UNODC, Model Law against Trafficking in Persons, Vienna, 2009; see the UNODC "
                                        "human trafficking page."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/index.html",
                                },
                                {
                                    "text": "UNODC, Global Report on Trafficking in Persons (2024 edition).",
                                    "url": "https://www.unodc.org/unodc/en/data-and-analysis/glotip.html",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "enfants-et-consentement",
                "required": True,
                "fr": {
                    "title": "Les enfants et la question du consentement",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<h3>Le consentement ne compte pas quand des moyens ont été utilisés</h3><p>On entend "
                                "souvent : « Elle était d'accord. » Le Protocole de Palerme répond à cet argument. "
                                "Selon l'article 3 b), le consentement de la victime à l'exploitation est "
                                "<strong>indifférent</strong> dès qu'un des moyens a été utilisé : tromperie, menace, "
                                "abus de vulnérabilité, etc.</p><p>Exemple : une jeune femme accepte un travail de "
                                "vendeuse à l'étranger. Sur place, on lui prend son passeport et on la force à "
                                "travailler sans salaire pour rembourser une « dette ». Elle avait accepté un emploi, "
                                "pas l'exploitation. Son accord de départ ne protège pas les auteurs.</p><h3>Pour un "
                                "enfant, les moyens ne sont pas exigés</h3><p>Selon l'article 3 c), quand la victime "
                                "est un enfant, deux éléments suffisent : <strong>l'acte</strong> et <strong>la "
                                "finalité</strong>. Il n'est pas nécessaire de prouver la menace, la force ou la "
                                "tromperie. L'article 3 d) précise qu'un enfant est toute personne âgée de moins de 18 "
                                "ans.</p><p>Recruter, transporter ou héberger un enfant pour l'exploiter, c'est donc "
                                "de la traite, même si l'enfant ou ses parents étaient d'accord.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "L'enfant confié à un « tuteur »",
                                "text": (
                                    "<p>Sékou a 13 ans et vit en Guinée forestière. Ses parents le confient à un homme "
                                    "qui promet de l'inscrire à l'école à Kankan. Arrivé là-bas, Sékou ne va pas à "
                                    "l'école. Il travaille toute la journée sur un site d'orpaillage et ne reçoit "
                                    "rien. Les parents avaient accepté le départ.</p>"
                                ),
                                "questions": [
                                    "Quels sont l'acte et la finalité dans cette situation ?",
                                    "Faut-il prouver la tromperie pour parler de traite ? Pourquoi ?",
                                    "L'accord des parents change-t-il quelque chose pour Sékou ?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Adulte : le consentement ne compte pas si un moyen a été utilisé.",
                                "Enfant (moins de 18 ans) : l'acte et la finalité suffisent.",
                                "Ne jamais reprocher à une victime d'avoir « accepté ».",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Protocole visant à prévenir, réprimer et punir la traite des personnes, en "
                                        "particulier des femmes et des enfants, additionnel à la Convention des "
                                        "Nations Unies contre la criminalité transnationale organisée (Protocole de "
                                        "Palerme), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "ONUDC, Loi type contre la traite des personnes (Model Law against Trafficking "
                                        "in Persons), Vienne, 2009 ; voir la page de l'ONUDC sur la traite des "
                                        "personnes."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/index.html",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Children and the question of consent",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<h3>Consent does not count when means have been used</h3><p>We often hear: “She "
                                "agreed.” The Palermo Protocol answers this argument. Under article 3(b), the consent "
                                "of the victim to the exploitation is <strong>irrelevant</strong> as soon as one of "
                                "the means has been used: deception, threat, abuse of vulnerability, and so "
                                "on.</p><p>Example: a young woman accepts a job as a shop assistant abroad. Once "
                                "there, her passport is taken and she is forced to work without pay to repay a “debt”. "
                                "She had accepted a job, not exploitation. Her initial agreement does not protect the "
                                "offenders.</p><h3>For a child, the means are not required</h3><p>Under article 3(c), "
                                "when the victim is a child, two elements are enough: <strong>the act</strong> and "
                                "<strong>the purpose</strong>. There is no need to prove threat, force or deception. "
                                "Article 3(d) states that a child is any person under 18 years of "
                                "age.</p><p>Recruiting, transporting or harbouring a child in order to exploit them is "
                                "therefore trafficking, even if the child or the parents agreed.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "The child entrusted to a “guardian”",
                                "text": (
                                    "<p>Sékou is 13 and lives in Forest Guinea. His parents entrust him to a man who "
                                    "promises to enrol him in school in Kankan. Once there, Sékou does not go to "
                                    "school. He works all day at an artisanal gold-mining site and receives nothing. "
                                    "The parents had agreed to his leaving.</p>"
                                ),
                                "questions": [
                                    "What are the act and the purpose in this situation?",
                                    "Do we need to prove deception to speak of trafficking? Why?",
                                    "Does the parents' agreement change anything for Sékou?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Adult: consent does not count if a means has been used.",
                                "Child (under 18): the act and the purpose are enough.",
                                "Never blame a victim for having “agreed”.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
                                        "Women and Children, supplementing the United Nations Convention against "
                                        "Transnational Organized Crime (Palermo Protocol), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "UNODC, Model Law against Trafficking in Persons, Vienna, 2009; see the UNODC "
                                        "human trafficking page."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/index.html",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "traite-ou-trafic-illicite-de-migrants",
                "required": True,
                "fr": {
                    "title": "Traite des personnes ou trafic illicite de migrants ?",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Ces deux crimes sont souvent confondus. Ils sont pourtant définis par deux "
                                "protocoles différents, adoptés en 2000 avec la Convention des Nations Unies contre la "
                                "criminalité transnationale organisée.</p><p>Le <strong>trafic illicite de "
                                "migrants</strong>, c'est faire entrer illégalement une personne dans un pays dont "
                                "elle n'est ni ressortissante ni résidente permanente, pour en tirer un avantage "
                                "financier ou matériel (Protocole contre le trafic illicite de migrants, article "
                                "3).</p><ul><li><strong>Consentement</strong> : dans le trafic illicite, la personne "
                                "migrante accepte en général le voyage. Dans la traite, son accord ne compte pas si "
                                "des moyens ont été utilisés.</li><li><strong>Frontière</strong> : le trafic illicite "
                                "suppose toujours de franchir une frontière. La traite peut avoir lieu à l'intérieur "
                                "de la Guinée.</li><li><strong>But</strong> : dans le trafic illicite, la relation "
                                "s'arrête en général à l'arrivée. Dans la traite, le but est d'exploiter la "
                                "personne.</li></ul><p>Un trafic illicite peut devenir de la traite en route, si la "
                                "personne est contrainte et exploitée.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Traite ou trafic illicite ?",
                                "content": {
                                    "scenario": (
                                        "<p>Trois situations sont signalées à une OSC de "
                                        "Kankan :</p><ul><li><strong>A</strong> : Ibrahima, 24 ans, paie un homme pour "
                                        "entrer sans visa dans un pays d'Afrique du Nord. À l'arrivée, l'homme le "
                                        "laisse et Ibrahima continue seul.</li><li><strong>B</strong> : Fanta, 15 ans, "
                                        "est amenée de Kindia à Conakry par une voisine. Elle travaille comme "
                                        "domestique jour et nuit, sans salaire, et n'a pas le droit de "
                                        "sortir.</li><li><strong>C</strong> : Alpha, 22 ans, paie un homme pour "
                                        "rejoindre l'Afrique du Nord. En route, on lui prend ses papiers et on "
                                        "l'oblige à travailler sur un chantier pour « rembourser » le voyage.</li></ul>"
                                    ),
                                    "questions": [
                                        {
                                            "text": "Situation A : de quoi s'agit-il ?",
                                            "answers": [
                                                {
                                                    "text": "De trafic illicite de migrants.",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui : entrée illégale contre paiement, avec l'accord "
                                                        "d'Ibrahima, sans but d'exploitation."
                                                    ),
                                                },
                                                {
                                                    "text": "De traite des personnes.",
                                                    "correct": False,
                                                    "feedback": "Non. Il n'y a ni contrainte ni but d'exploitation.",
                                                },
                                                {
                                                    "text": "Ni l'un ni l'autre.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Faire entrer quelqu'un illégalement dans un pays contre "
                                                        "paiement, c'est un trafic illicite de migrants."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Situation B : pourquoi est-ce de la traite, même sans frontière ?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Fanta est une enfant : l'acte et le but d'exploitation "
                                                        "suffisent."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. Pour un enfant, les moyens ne sont pas exigés, et la "
                                                        "traite peut avoir lieu dans le pays."
                                                    ),
                                                },
                                                {
                                                    "text": "Parce que Fanta a changé de préfecture.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Ce sont l'acte et le but d'exploitation qui comptent."
                                                    ),
                                                },
                                                {
                                                    "text": "Ce n'est pas de la traite, car il n'y a pas de frontière.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Seul le trafic illicite de migrants suppose une "
                                                        "frontière."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Situation C : que s'est-il passé ?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Un trafic illicite de migrants devenu de la traite des "
                                                        "personnes."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. Alpha a payé un passeur, puis la contrainte et le "
                                                        "travail forcé en ont fait une victime de traite."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Seulement un trafic illicite, car Alpha avait payé et accepté."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Son accord de départ ne compte plus : on l'a contraint "
                                                        "et exploité."
                                                    ),
                                                },
                                                {
                                                    "text": "Rien d'illégal, car Alpha voulait partir.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Vouloir partir ne donne à personne le droit de le forcer "
                                                        "à travailler."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Vérifier",
                                        "retry": "Recommencer",
                                        "score": "Votre score : :num sur :total",
                                        "correct": "Bonne réponse",
                                        "incorrect": "Réponse incorrecte",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "ONUDC, Convention des Nations Unies contre la criminalité transnationale "
                                        "organisée et ses Protocoles, dont le Protocole contre le trafic illicite de "
                                        "migrants par terre, air et mer (2000), article 3."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/organized-crime/intro/UNTOC.html",
                                },
                                {
                                    "text": (
                                        "Protocole visant à prévenir, réprimer et punir la traite des personnes, en "
                                        "particulier des femmes et des enfants, additionnel à la Convention des "
                                        "Nations Unies contre la criminalité transnationale organisée (Protocole de "
                                        "Palerme), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Trafficking in persons or smuggling of migrants?",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>These two crimes are often confused. Yet they are defined by two different "
                                "protocols, adopted in 2000 together with the United Nations Convention against "
                                "Transnational Organized Crime.</p><p><strong>Smuggling of migrants</strong> means "
                                "bringing a person illegally into a country of which they are neither a national nor a "
                                "permanent resident, in order to obtain a financial or material benefit (Protocol "
                                "against the Smuggling of Migrants, article 3).</p><ul><li><strong>Consent</strong>: "
                                "in smuggling, the migrant usually agrees to the journey. In trafficking, their "
                                "agreement does not count if means have been used.</li><li><strong>Border</strong>: "
                                "smuggling always involves crossing a border. Trafficking can take place inside "
                                "Guinea.</li><li><strong>Aim</strong>: in smuggling, the relationship usually ends on "
                                "arrival. In trafficking, the aim is to exploit the person.</li></ul><p>Smuggling can "
                                "turn into trafficking along the way, if the person is coerced and exploited.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Trafficking or smuggling?",
                                "content": {
                                    "scenario": (
                                        "<p>Three situations are reported to a CSO in "
                                        "Kankan:</p><ul><li><strong>A</strong>: Ibrahima, 24, pays a man to enter a "
                                        "North African country without a visa. On arrival, the man leaves him and "
                                        "Ibrahima continues alone.</li><li><strong>B</strong>: Fanta, 15, is brought "
                                        "from Kindia to Conakry by a neighbour. She works as a domestic worker day and "
                                        "night, without pay, and is not allowed to go out.</li><li><strong>C</strong>: "
                                        "Alpha, 22, pays a man to reach North Africa. On the way, his papers are taken "
                                        "and he is forced to work on a building site to “repay” the journey.</li></ul>"
                                    ),
                                    "questions": [
                                        {
                                            "text": "Situation A: what is it?",
                                            "answers": [
                                                {
                                                    "text": "Smuggling of migrants.",
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes: illegal entry in exchange for payment, with Ibrahima's "
                                                        "agreement, with no aim of exploitation."
                                                    ),
                                                },
                                                {
                                                    "text": "Trafficking in persons.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. There is neither coercion nor an aim of exploitation."
                                                    ),
                                                },
                                                {
                                                    "text": "Neither.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Bringing someone illegally into a country for payment is "
                                                        "smuggling of migrants."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Situation B: why is it trafficking, even without a border?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Fanta is a child: the act and the aim of exploitation are "
                                                        "enough."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes. For a child, the means are not required, and trafficking "
                                                        "can take place within the country."
                                                    ),
                                                },
                                                {
                                                    "text": "Because Fanta changed prefecture.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. What counts are the act and the aim of exploitation."
                                                    ),
                                                },
                                                {
                                                    "text": "It is not trafficking, because there is no border.",
                                                    "correct": False,
                                                    "feedback": "No. Only smuggling of migrants involves a border.",
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Situation C: what happened?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Smuggling of migrants that turned into trafficking in persons."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes. Alpha paid a smuggler, then coercion and forced labour "
                                                        "made him a victim of trafficking."
                                                    ),
                                                },
                                                {
                                                    "text": "Only smuggling, because Alpha had paid and agreed.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. His initial agreement no longer counts: he was coerced "
                                                        "and exploited."
                                                    ),
                                                },
                                                {
                                                    "text": "Nothing illegal, because Alpha wanted to leave.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Wanting to leave gives nobody the right to force him to "
                                                        "work."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Check",
                                        "retry": "Retry",
                                        "score": "Your score: :num out of :total",
                                        "correct": "Correct",
                                        "incorrect": "Incorrect",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "UNODC, United Nations Convention against Transnational Organized Crime and "
                                        "the Protocols thereto, including the Protocol against the Smuggling of "
                                        "Migrants by Land, Sea and Air (2000), article 3."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/organized-crime/intro/UNTOC.html",
                                },
                                {
                                    "text": (
                                        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
                                        "Women and Children, supplementing the United Nations Convention against "
                                        "Transnational Organized Crime (Palermo Protocol), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "reconnaitre-les-indicateurs",
                "required": True,
                "fr": {
                    "title": "Reconnaître les indicateurs de traite",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Les victimes de traite se présentent rarement comme telles. Elles peuvent avoir "
                                "peur ou honte, ne pas connaître leurs droits, ou ne pas se voir comme victimes. Des "
                                "<strong>indicateurs</strong> aident à repérer une situation possible de "
                                "traite.</p><p>En 2009, l'Organisation internationale du Travail (OIT) et la "
                                "Commission européenne ont publié des indicateurs opérationnels. Ils suivent les "
                                "étapes de la traite : recrutement trompeur, recrutement par la contrainte ou par abus "
                                "de vulnérabilité, conditions d'exploitation, contrainte et abus de vulnérabilité sur "
                                "le lieu de destination. L'ONUDC a aussi publié une liste d'indicateurs. "
                                "Exemples :</p><ul><li>La personne a été trompée sur le travail, le salaire ou le "
                                "lieu.</li><li>Quelqu'un d'autre garde ses papiers d'identité.</li><li>Elle doit "
                                "rembourser une dette qui ne diminue jamais.</li><li>Elle ne peut pas partir librement "
                                "ni parler seule à quelqu'un.</li><li>Elle travaille de très longues heures, sans "
                                "salaire ou presque.</li><li>Elle ou sa famille reçoit des menaces, ou elle subit des "
                                "violences.</li></ul><h3>Un indicateur n'est pas une preuve</h3><p>Un seul signe ne "
                                "suffit pas pour conclure. Plusieurs signes ensemble doivent vous alerter. Sauf si "
                                "enquêter est votre mission officielle (police, gendarmerie), n'interrogez pas la "
                                "personne et ne confrontez pas l'auteur présumé. Assurez sa sécurité et orientez-la "
                                "vers les services compétents.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "Au marché",
                                "text": (
                                    "<p>Au marché de Madina, une commerçante remarque une jeune fille, Aïssatou, qui "
                                    "vend de l'eau toute la journée près de son étal. Chaque soir, une femme vient "
                                    "prendre tout l'argent. Aïssatou semble épuisée et a peur quand on lui parle. Un "
                                    "jour, elle dit tout bas qu'elle vient de Labé et que « sa tante » garde ses "
                                    "papiers.</p>"
                                ),
                                "questions": [
                                    "Quels indicateurs voyez-vous ?",
                                    "Qu'est-ce que la commerçante ne doit pas faire ?",
                                    "Vers qui peut-elle se tourner pour aider Aïssatou sans la mettre en danger ?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIT et Commission européenne, Operational indicators of trafficking in human "
                                        "beings: Results from a Delphi survey implemented by the ILO and the European "
                                        "Commission, Genève, 2009 (version révisée de septembre 2009)."
                                    ),
                                    "url": "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm",
                                },
                                {
                                    "text": (
                                        "ONUDC, Human Trafficking Indicators (fiche d'indicateurs de la traite des "
                                        "personnes)."
                                    ),
                                    "url": "https://www.unodc.org/pdf/HT_indicators_E_LOWRES.pdf",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Recognising indicators of trafficking",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Victims of trafficking rarely present themselves as such. They may be afraid or "
                                "ashamed, not know their rights, or not see themselves as victims. "
                                "<strong>Indicators</strong> help to spot a possible trafficking situation.</p><p>In "
                                "2009, the International Labour Organization (ILO) and the European Commission "
                                "published operational indicators. They follow the stages of trafficking: deceptive "
                                "recruitment, recruitment through coercion or abuse of vulnerability, exploitative "
                                "conditions, coercion and abuse of vulnerability at destination. UNODC has also "
                                "published a list of indicators. Examples:</p><ul><li>The person was deceived about "
                                "the work, the wages or the place.</li><li>Someone else keeps their identity "
                                "papers.</li><li>They must repay a debt that never goes down.</li><li>They cannot "
                                "leave freely or speak to anyone alone.</li><li>They work very long hours, for no pay "
                                "or almost none.</li><li>They or their family receive threats, or they suffer "
                                "violence.</li></ul><h3>An indicator is not proof</h3><p>A single sign is not enough "
                                "to draw a conclusion. Several signs together should alert you. Unless investigating "
                                "is your official duty (police, gendarmerie), do not question the person and do not "
                                "confront the suspected offender. Ensure their safety and refer them to the competent "
                                "services.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "At the market",
                                "text": (
                                    "<p>At Madina market, a trader notices a girl, Aïssatou, who sells water all day "
                                    "near her stall. Every evening, a woman comes and takes all the money. Aïssatou "
                                    "looks exhausted and is afraid when people speak to her. One day, she says in a "
                                    "low voice that she comes from Labé and that “her aunt” keeps her papers.</p>"
                                ),
                                "questions": [
                                    "Which indicators do you see?",
                                    "What must the trader not do?",
                                    "Whom can she turn to in order to help Aïssatou without putting her in danger?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "ILO and European Commission, Operational indicators of trafficking in human "
                                        "beings: Results from a Delphi survey implemented by the ILO and the European "
                                        "Commission, Geneva, 2009 (revised version of September 2009)."
                                    ),
                                    "url": "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm",
                                },
                                {
                                    "text": "UNODC, Human Trafficking Indicators (fact sheet).",
                                    "url": "https://www.unodc.org/pdf/HT_indicators_E_LOWRES.pdf",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "cadre-juridique-en-guinee",
                "required": True,
                "fr": {
                    "title": "Le cadre juridique et institutionnel en Guinée",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>La Guinée est partie au Protocole de Palerme. Elle s'est donc engagée à punir la "
                                "traite des personnes, à protéger les victimes et à prévenir la traite.</p><h3>Les "
                                "lois</h3><ul><li><strong>Le Code pénal de 2016</strong> (loi L/2016/059/AN) réprime "
                                "la traite des personnes. Les peines sont plus lourdes quand la victime est un enfant. "
                                "Il réprime aussi des pratiques proches, comme la mendicité forcée et la servitude "
                                "pour dettes.</li><li><strong>Le Code de l'enfant</strong> contient aussi des "
                                "dispositions contre la traite des enfants.</li></ul><p>Les textes peuvent changer. "
                                "Pour connaître l'article exact ou une loi récente, adressez-vous à un magistrat, au "
                                "ministère de la Justice ou au CNLTPPA.</p><h3>Les acteurs</h3><ul><li><strong>Le "
                                "CNLTPPA</strong> coordonne l'action nationale contre la traite. Il réunit des "
                                "représentants de l'État et de la société civile.</li><li><strong>L'OPROGEM</strong>, "
                                "office de la police, enquête notamment sur les cas de traite. La gendarmerie "
                                "intervient aussi.</li><li><strong>La justice</strong> poursuit et juge les "
                                "auteurs.</li><li><strong>Le Ministère de la Promotion de la Femme, de l'Enfance et "
                                "des Personnes vulnérables</strong> et les services sociaux protègent et prennent en "
                                "charge les victimes.</li><li><strong>Les organisations de la société civile</strong>, "
                                "l'OIM, le HCR et d'autres partenaires appuient l'identification, l'assistance et la "
                                "prévention.</li></ul>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "CNLTPPA",
                                "definition": (
                                    "Comité national de lutte contre la traite des personnes et pratiques assimilées : "
                                    "l'organe qui coordonne la lutte contre la traite des personnes en Guinée."
                                ),
                            },
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "OPROGEM",
                                "definition": (
                                    "Office de protection du genre, de l'enfance et des mœurs : office de la police "
                                    "nationale."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                (
                                    "Le Code pénal de 2016 réprime la traite des personnes, plus sévèrement quand la "
                                    "victime est un enfant."
                                ),
                                (
                                    "Le CNLTPPA coordonne ; l'OPROGEM et la gendarmerie enquêtent ; la justice juge ; "
                                    "les services sociaux et les partenaires protègent."
                                ),
                                "Vérifiez toujours les textes en vigueur auprès des autorités compétentes.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "Nations Unies, Collection des traités, chapitre XVIII, 12.a : état du "
                                        "Protocole visant à prévenir, réprimer et punir la traite des personnes (liste "
                                        "des États parties)."
                                    ),
                                    "url": "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-a&chapter=18&clang=_en",
                                },
                                {
                                    "text": (
                                        "République de Guinée, loi L/2016/059/AN du 26 octobre 2016 portant Code pénal "
                                        "(texte reproduit par Equipo Nizkor)."
                                    ),
                                    "url": "http://www.derechos.org/intlaw/doc/gin1.html",
                                },
                                {
                                    "text": (
                                        "Département d'État des États-Unis, 2022 Trafficking in Persons Report: Guinea "
                                        "(description du cadre juridique et institutionnel guinéen)."
                                    ),
                                    "url": "https://www.state.gov/reports/2022-trafficking-in-persons-report/guinea/",
                                },
                                {
                                    "text": (
                                        "Protocole visant à prévenir, réprimer et punir la traite des personnes, en "
                                        "particulier des femmes et des enfants, additionnel à la Convention des "
                                        "Nations Unies contre la criminalité transnationale organisée (Protocole de "
                                        "Palerme), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "The legal and institutional framework in Guinea",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Guinea is a party to the Palermo Protocol. It has therefore committed to punishing "
                                "trafficking in persons, protecting victims and preventing trafficking.</p><h3>The "
                                "laws</h3><ul><li><strong>The 2016 Penal Code</strong> (Law L/2016/059/AN) punishes "
                                "trafficking in persons. Penalties are heavier when the victim is a child. It also "
                                "punishes related practices, such as forced begging and debt "
                                "bondage.</li><li><strong>The Children's Code</strong> also contains provisions "
                                "against child trafficking.</li></ul><p>Texts can change. To find the exact article or "
                                "a recent law, ask a magistrate, the Ministry of Justice or the CNLTPPA.</p><h3>The "
                                "actors</h3><ul><li><strong>The CNLTPPA</strong> coordinates national action against "
                                "trafficking. It brings together representatives of the State and of civil "
                                "society.</li><li><strong>The OPROGEM</strong>, a police office, investigates "
                                "trafficking cases among others. The gendarmerie also intervenes.</li><li><strong>The "
                                "justice system</strong> prosecutes and tries offenders.</li><li><strong>The Ministry "
                                "for the Promotion of Women, Children and Vulnerable Persons</strong> and the social "
                                "services protect and care for victims.</li><li><strong>Civil society "
                                "organisations</strong>, IOM, UNHCR and other partners support identification, "
                                "assistance and prevention.</li></ul>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "CNLTPPA",
                                "definition": (
                                    "National Committee against Trafficking in Persons and Assimilated Practices "
                                    "(Comité national de lutte contre la traite des personnes et pratiques "
                                    "assimilées): the body that coordinates the fight against trafficking in persons "
                                    "in Guinea."
                                ),
                            },
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "OPROGEM",
                                "definition": (
                                    "Office for the Protection of Gender, Children and Morals (Office de protection du "
                                    "genre, de l'enfance et des mœurs): an office of the national police."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                (
                                    "The 2016 Penal Code punishes trafficking in persons, more severely when the "
                                    "victim is a child."
                                ),
                                (
                                    "The CNLTPPA coordinates; the OPROGEM and the gendarmerie investigate; the courts "
                                    "try cases; social services and partners protect."
                                ),
                                "Always check the texts in force with the competent authorities.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "United Nations Treaty Collection, chapter XVIII, 12.a: status of the Protocol "
                                        "to Prevent, Suppress and Punish Trafficking in Persons (list of States "
                                        "Parties)."
                                    ),
                                    "url": "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-a&chapter=18&clang=_en",
                                },
                                {
                                    "text": (
                                        "Republic of Guinea, Law L/2016/059/AN of 26 October 2016 on the Penal Code "
                                        "(text reproduced by Equipo Nizkor)."
                                    ),
                                    "url": "http://www.derechos.org/intlaw/doc/gin1.html",
                                },
                                {
                                    "text": (
                                        "United States Department of State, 2022 Trafficking in Persons Report: Guinea "
                                        "(description of Guinea's legal and institutional framework)."
                                    ),
                                    "url": "https://www.state.gov/reports/2022-trafficking-in-persons-report/guinea/",
                                },
                                {
                                    "text": (
                                        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
                                        "Women and Children, supplementing the United Nations Convention against "
                                        "Transnational Organized Crime (Palermo Protocol), 2000, article 3."
                                    ),
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons",
                                },
                            ],
                        ),
                    ],
                },
            },
        ],
    },
    {
        "slug": "outils-de-protection",
        "audiences": [
            "police",
            "civil_society",
            "local_authority",
        ],
        "duration_minutes": 90,
        "fr": {
            "title": "Outils de protection pour les acteurs de première ligne",
            "summary": (
                "Ce module donne des outils concrets pour identifier une victime possible de traite, l'orienter en "
                "sécurité et l'assister dans le respect de ses droits, de sa dignité et de ses données."
            ),
            "objectives": [
                "Mener un premier contact sûr avec une victime possible de traite.",
                (
                    "Orienter une personne en sécurité dans le mécanisme national d'orientation, avec son consentement "
                    "éclairé."
                ),
                "Appliquer une approche centrée sur la victime, tenant compte des traumatismes, qui ne nuit pas.",
                "Placer l'intérêt supérieur de l'enfant au centre de chaque décision qui concerne un enfant.",
                "Protéger la confidentialité et les données personnelles.",
            ],
        },
        "en": {
            "title": "Protection tools for front-line actors",
            "summary": (
                "This module gives practical tools to identify a possible victim of trafficking, refer them safely and "
                "assist them with respect for their rights, their dignity and their data."
            ),
            "objectives": [
                "Conduct a safe first contact with a possible victim of trafficking.",
                "Refer a person safely within the national referral mechanism, with their informed consent.",
                "Apply a victim-centred, trauma-informed approach that does no harm.",
                "Put the best interests of the child at the centre of every decision concerning a child.",
                "Protect confidentiality and personal data.",
            ],
        },
        "lessons": [
            {
                "slug": "identification-et-premier-contact",
                "required": True,
                "fr": {
                    "title": "Identification et premier contact",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Identifier, c'est reconnaître qu'une personne est peut-être victime de traite, "
                                "pour qu'elle reçoive protection et assistance. Le manuel de l'OIM sur l'assistance "
                                "directe (2007) insiste : la <strong>sécurité</strong> de la personne passe avant "
                                "tout, avant même les questions.</p><h3>Avant l'entretien</h3><ul><li>Évaluez les "
                                "risques : l'auteur présumé est-il proche ? La personne est-elle "
                                "surveillée ?</li><li>Choisissez un lieu calme et privé, loin des personnes qui la "
                                "contrôlent.</li><li>Si possible, demandez-lui si elle préfère parler à un homme ou à "
                                "une femme. Prévoyez un interprète de confiance, sans lien avec elle ni avec son "
                                "entourage.</li></ul><h3>Pendant l'entretien</h3><ul><li>Présentez-vous et expliquez "
                                "votre rôle avec des mots simples, dans sa langue.</li><li>Répondez d'abord aux "
                                "besoins urgents : soins, eau, nourriture, repos.</li><li>Posez peu de questions, "
                                "seulement celles qui servent à l'aider.</li><li>Laissez-la refuser de répondre ou "
                                "arrêter l'entretien.</li><li>Ne promettez rien que vous ne pouvez pas "
                                "tenir.</li></ul><p>En 2003, l'OMS a publié dix recommandations éthiques et de "
                                "sécurité pour les entretiens avec des femmes victimes de traite. La première est : "
                                "<strong>ne pas nuire</strong>. Elles demandent aussi de préparer à l'avance les "
                                "informations d'orientation, de garantir l'anonymat et la confidentialité, d'obtenir "
                                "le consentement éclairé et de ne pas traumatiser à nouveau la personne. Ces principes "
                                "sont utiles pour tout entretien avec une victime possible.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                "La sécurité d'abord : celle de la personne, de sa famille et la vôtre.",
                                "Lieu privé, langue de la personne, besoins urgents en premier.",
                                "Peu de questions, seulement les utiles ; la personne peut se taire.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIM, The IOM Handbook on Direct Assistance for Victims of Trafficking, "
                                        "Genève, 2007."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-handbook-direct-assistance-victims-trafficking-0",
                                },
                                {
                                    "text": (
                                        "C. Zimmerman et C. Watts, WHO Ethical and Safety Recommendations for "
                                        "Interviewing Trafficked Women, Organisation mondiale de la Santé, Genève, "
                                        "2003 (ISBN 92 4 154625 5) ; voir les publications de l'OMS."
                                    ),
                                    "url": "https://www.who.int/publications",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Identification and first contact",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Identifying means recognising that a person may be a victim of trafficking, so "
                                "that they receive protection and assistance. The IOM handbook on direct assistance "
                                "(2007) insists: the person's <strong>safety</strong> comes first, even before "
                                "questions.</p><h3>Before the interview</h3><ul><li>Assess the risks: is the suspected "
                                "offender nearby? Is the person being watched?</li><li>Choose a quiet, private place, "
                                "away from the people who control them.</li><li>If possible, ask whether they prefer "
                                "to speak to a man or a woman. Arrange a trusted interpreter with no link to the "
                                "person or to those around them.</li></ul><h3>During the "
                                "interview</h3><ul><li>Introduce yourself and explain your role in simple words, in "
                                "their language.</li><li>First meet urgent needs: health care, water, food, "
                                "rest.</li><li>Ask few questions, only those that help you to help them.</li><li>Let "
                                "them refuse to answer or stop the interview.</li><li>Do not promise anything you "
                                "cannot deliver.</li></ul><p>In 2003, WHO published ten ethical and safety "
                                "recommendations for interviewing trafficked women. The first is: <strong>do no "
                                "harm</strong>. They also ask interviewers to prepare referral information in advance, "
                                "to ensure anonymity and confidentiality, to obtain informed consent and not to "
                                "re-traumatise the person. These principles are useful for any interview with a "
                                "possible victim.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                "Safety first: the person's, their family's and yours.",
                                "Private place, the person's language, urgent needs first.",
                                "Few questions, only useful ones; the person may stay silent.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "IOM, The IOM Handbook on Direct Assistance for Victims of Trafficking, "
                                        "Geneva, 2007."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-handbook-direct-assistance-victims-trafficking-0",
                                },
                                {
                                    "text": (
                                        "C. Zimmerman and C. Watts, WHO Ethical and Safety Recommendations for "
                                        "Interviewing Trafficked Women, World Health Organization, Geneva, 2003 (ISBN "
                                        "92 4 154625 5); see WHO publications."
                                    ),
                                    "url": "https://www.who.int/publications",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "orienter-en-securite",
                "required": True,
                "fr": {
                    "title": "Orienter en sécurité : le mécanisme national d'orientation",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Aucune organisation ne peut répondre seule à tous les besoins d'une victime de "
                                "traite. Le <strong>mécanisme national d'orientation</strong> organise la "
                                "coopération : qui fait quoi, comment on se transmet un cas, et dans quel délai. Il "
                                "relie ceux qui identifient (police, gendarmerie, OSC, leaders communautaires) et ceux "
                                "qui assistent (action sociale, santé, hébergement, aide juridique, réintégration). "
                                "Demandez au CNLTPPA ou aux services sociaux les procédures en vigueur et la liste des "
                                "services de votre préfecture.</p><h3>Les étapes d'une orientation "
                                "sûre</h3><ol><li><strong>Informer</strong> la personne des services possibles et de "
                                "leurs limites.</li><li><strong>Obtenir son consentement éclairé</strong> avant de "
                                "transmettre ses informations.</li><li><strong>Partager le minimum</strong> : "
                                "seulement ce qui est utile au service qui reçoit le "
                                "cas.</li><li><strong>Accompagner</strong> si possible, ou organiser un transport "
                                "sûr.</li><li><strong>Suivre</strong> : vérifier que la personne a bien été "
                                "reçue.</li></ol><p>Si la vie de la personne est en danger immédiat, ou s'il s'agit "
                                "d'un enfant, alertez sans attendre les services compétents. Expliquez-lui quand même "
                                "ce que vous faites.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Orienter Kadiatou",
                                "content": {
                                    "scenario": (
                                        "<p>Kadiatou, 28 ans, revient d'un pays du Golfe où elle était employée de "
                                        "maison. Elle confie à une animatrice d'une OSC de Kindia qu'on lui a pris son "
                                        "passeport et qu'elle n'a pas été payée pendant un an. Elle a des douleurs, "
                                        "dort mal et a peur que sa famille l'apprenne.</p>"
                                    ),
                                    "questions": [
                                        {
                                            "text": "Que fait l'animatrice en premier ?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Elle vérifie que Kadiatou est en sécurité et lui propose des "
                                                        "soins."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. La sécurité et les besoins urgents passent d'abord."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Elle lui demande tous les détails pour un rapport complet."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Trop de questions peuvent raviver le traumatisme."
                                                    ),
                                                },
                                                {
                                                    "text": "Elle appelle la famille pour la rassurer.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Contacter quelqu'un sans l'accord de Kadiatou peut lui "
                                                        "nuire."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Kadiatou accepte d'aller au centre de santé. Que faut-il transmettre ?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Seulement ce qui est utile pour ses soins, avec son accord."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. On partage le minimum, avec son consentement éclairé."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Tout son dossier, avec le nom de l'agence et une photo de son "
                                                        "passeport."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Ces informations ne servent pas aux soins et augmentent "
                                                        "les risques."
                                                    ),
                                                },
                                                {
                                                    "text": "Rien du tout, pour respecter la confidentialité.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Pas tout à fait. Sans aucune information, le service ne peut "
                                                        "pas bien l'aider."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Kadiatou ne veut pas porter plainte pour le moment. Que fait "
                                                "l'animatrice ?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Elle respecte son choix, l'informe de ses droits et continue "
                                                        "de l'assister."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. L'assistance ne dépend pas d'une plainte. Kadiatou "
                                                        "pourra changer d'avis."
                                                    ),
                                                },
                                                {
                                                    "text": "Elle arrête l'assistance.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. L'assistance et la coopération avec la justice sont deux "
                                                        "choses séparées."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Elle raconte l'affaire à la radio pour avertir d'autres "
                                                        "femmes."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Kadiatou pourrait être reconnue et mise en danger."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Vérifier",
                                        "retry": "Recommencer",
                                        "score": "Votre score : :num sur :total",
                                        "correct": "Bonne réponse",
                                        "incorrect": "Réponse incorrecte",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIM, IOM Guidance on Referral Mechanisms for the Protection and Assistance of "
                                        "Migrants Vulnerable to Violence, Exploitation and Abuse and Victims of "
                                        "Trafficking, Genève, 2019."
                                    ),
                                    "url": "https://eea.iom.int/publications/iom-guidance-referral-mechanisms",
                                },
                                {
                                    "text": (
                                        "OIM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Genève, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "OIM, The IOM Handbook on Direct Assistance for Victims of Trafficking, "
                                        "Genève, 2007."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-handbook-direct-assistance-victims-trafficking-0",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Safe referral: the national referral mechanism",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>No organisation can meet all the needs of a victim of trafficking on its own. The "
                                "<strong>national referral mechanism</strong> organises cooperation: who does what, "
                                "how a case is passed on, and how fast. It links those who identify (police, "
                                "gendarmerie, CSOs, community leaders) and those who assist (social welfare, health, "
                                "shelter, legal aid, reintegration). Ask the CNLTPPA or the social services for the "
                                "procedures in force and the list of services in your prefecture.</p><h3>The steps of "
                                "a safe referral</h3><ol><li><strong>Inform</strong> the person about the possible "
                                "services and their limits.</li><li><strong>Obtain their informed consent</strong> "
                                "before passing on their information.</li><li><strong>Share the minimum</strong>: only "
                                "what is useful to the service receiving the case.</li><li><strong>Accompany</strong> "
                                "them if possible, or arrange safe transport.</li><li><strong>Follow up</strong>: "
                                "check that the person was indeed received.</li></ol><p>If the person's life is in "
                                "immediate danger, or if a child is involved, alert the competent services without "
                                "waiting. Still explain to them what you are doing.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Referring Kadiatou",
                                "content": {
                                    "scenario": (
                                        "<p>Kadiatou, 28, has come back from a Gulf country where she was a domestic "
                                        "worker. She confides to a community worker from a CSO in Kindia that her "
                                        "passport was taken and that she was not paid for a year. She is in pain, "
                                        "sleeps badly and is afraid that her family will find out.</p>"
                                    ),
                                    "questions": [
                                        {
                                            "text": "What does the community worker do first?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "She checks that Kadiatou is safe and offers her health care."
                                                    ),
                                                    "correct": True,
                                                    "feedback": "Yes. Safety and urgent needs come first.",
                                                },
                                                {
                                                    "text": "She asks her for every detail for a complete report.",
                                                    "correct": False,
                                                    "feedback": "No. Too many questions can revive the trauma.",
                                                },
                                                {
                                                    "text": "She calls the family to reassure them.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Contacting anyone without Kadiatou's agreement can harm "
                                                        "her."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Kadiatou agrees to go to the health centre. What should be passed on?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": "Only what is useful for her care, with her agreement.",
                                                    "correct": True,
                                                    "feedback": "Yes. We share the minimum, with her informed consent.",
                                                },
                                                {
                                                    "text": (
                                                        "Her whole file, with the name of the agency and a photo of "
                                                        "her passport."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. This information is not needed for her care and increases "
                                                        "the risks."
                                                    ),
                                                },
                                                {
                                                    "text": "Nothing at all, to respect confidentiality.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Not quite. With no information at all, the service cannot "
                                                        "help her well."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Kadiatou does not want to file a complaint for now. What does the "
                                                "community worker do?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": (
                                                        "She respects her choice, informs her of her rights and keeps "
                                                        "assisting her."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes. Assistance does not depend on a complaint. Kadiatou can "
                                                        "change her mind."
                                                    ),
                                                },
                                                {
                                                    "text": "She stops the assistance.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Assistance and cooperation with the justice system are "
                                                        "two separate things."
                                                    ),
                                                },
                                                {
                                                    "text": "She tells the story on the radio to warn other women.",
                                                    "correct": False,
                                                    "feedback": "No. Kadiatou could be recognised and put in danger.",
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Check",
                                        "retry": "Retry",
                                        "score": "Your score: :num out of :total",
                                        "correct": "Correct",
                                        "incorrect": "Incorrect",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "IOM, IOM Guidance on Referral Mechanisms for the Protection and Assistance of "
                                        "Migrants Vulnerable to Violence, Exploitation and Abuse and Victims of "
                                        "Trafficking, Geneva, 2019."
                                    ),
                                    "url": "https://eea.iom.int/publications/iom-guidance-referral-mechanisms",
                                },
                                {
                                    "text": (
                                        "IOM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Geneva, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "IOM, The IOM Handbook on Direct Assistance for Victims of Trafficking, "
                                        "Geneva, 2007."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-handbook-direct-assistance-victims-trafficking-0",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "assistance-centree-sur-la-victime",
                "required": True,
                "fr": {
                    "title": "Une assistance centrée sur la victime",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<h3>Centré sur la victime</h3><p>Une approche <strong>centrée sur la victime</strong> "
                                "met ses droits, ses besoins, sa sécurité et ses choix au centre de chaque décision. "
                                "La personne est informée et c'est elle qui décide. On ne décide pas à sa "
                                "place.</p><h3>Tenant compte des traumatismes</h3><p>La traite laisse souvent des "
                                "traces : peur, méfiance, troubles du sommeil, trous de mémoire, colère, honte. Ce "
                                "sont des réactions normales après ce que la personne a vécu. Une approche "
                                "<strong>tenant compte des traumatismes</strong> évite de les "
                                "aggraver :</p><ul><li>expliquer chaque étape à l'avance ;</li><li>laisser la personne "
                                "garder le contrôle (pauses, choix de l'interlocuteur) ;</li><li>ne pas exiger un "
                                "récit complet, ni le faire répéter ;</li><li>ne pas juger un récit confus ou qui "
                                "change.</li></ul><h3>Ne pas nuire</h3><p>Avant chaque action, demandez-vous : "
                                "<em>cette action peut-elle mettre en danger la personne, sa famille ou d'autres "
                                "personnes ?</em> Si oui, cherchez une autre solution.</p><h3>La gestion de "
                                "cas</h3><p>La <strong>gestion de cas</strong> organise l'assistance dans le temps. "
                                "Une personne référente suit le cas. Avec la personne assistée, elle évalue les "
                                "besoins, construit un plan d'assistance, coordonne les services, suit les progrès et "
                                "prépare la clôture du cas. Le plan peut couvrir la santé, le soutien psychosocial, le "
                                "logement, l'aide juridique et la réintégration.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Consentement éclairé",
                                "definition": (
                                    "Accord libre donné par une personne après avoir reçu, dans une langue qu'elle "
                                    "comprend, des informations claires sur ce qui va se passer, les risques, les "
                                    "avantages et son droit de refuser ou de changer d'avis."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Centré sur la victime : ses droits, ses besoins, ses choix.",
                                (
                                    "Tenant compte des traumatismes : expliquer, laisser le contrôle, ne pas faire "
                                    "répéter."
                                ),
                                "Ne pas nuire : évaluer les risques avant chaque action.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Genève, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "OIM, The IOM Handbook on Direct Assistance for Victims of Trafficking, "
                                        "Genève, 2007."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-handbook-direct-assistance-victims-trafficking-0",
                                },
                                {
                                    "text": (
                                        "C. Zimmerman et C. Watts, WHO Ethical and Safety Recommendations for "
                                        "Interviewing Trafficked Women, Organisation mondiale de la Santé, Genève, "
                                        "2003 (ISBN 92 4 154625 5) ; voir les publications de l'OMS."
                                    ),
                                    "url": "https://www.who.int/publications",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Victim-centred assistance",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<h3>Victim-centred</h3><p>A <strong>victim-centred</strong> approach puts the "
                                "person's rights, needs, safety and choices at the centre of every decision. The "
                                "person is informed and it is they who decide. We do not decide for "
                                "them.</p><h3>Trauma-informed</h3><p>Trafficking often leaves marks: fear, mistrust, "
                                "sleep problems, memory gaps, anger, shame. These are normal reactions after what the "
                                "person has been through. A <strong>trauma-informed</strong> approach avoids making "
                                "them worse:</p><ul><li>explain each step in advance;</li><li>let the person stay in "
                                "control (breaks, choice of the person they speak to);</li><li>do not demand a "
                                "complete account, or make them repeat it;</li><li>do not judge an account that is "
                                "confused or that changes.</li></ul><h3>Do no harm</h3><p>Before each action, ask "
                                "yourself: <em>could this action put the person, their family or other people in "
                                "danger?</em> If so, look for another solution.</p><h3>Case "
                                "management</h3><p><strong>Case management</strong> organises assistance over time. A "
                                "case worker follows the case. Together with the assisted person, they assess needs, "
                                "build an assistance plan, coordinate services, monitor progress and prepare the "
                                "closure of the case. The plan can cover health, psychosocial support, housing, legal "
                                "aid and reintegration.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Informed consent",
                                "definition": (
                                    "Free agreement given by a person after receiving, in a language they understand, "
                                    "clear information about what will happen, the risks, the benefits and their right "
                                    "to refuse or to change their mind."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Victim-centred: their rights, their needs, their choices.",
                                "Trauma-informed: explain, leave them in control, do not make them repeat.",
                                "Do no harm: assess the risks before each action.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "IOM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Geneva, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "IOM, The IOM Handbook on Direct Assistance for Victims of Trafficking, "
                                        "Geneva, 2007."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-handbook-direct-assistance-victims-trafficking-0",
                                },
                                {
                                    "text": (
                                        "C. Zimmerman and C. Watts, WHO Ethical and Safety Recommendations for "
                                        "Interviewing Trafficked Women, World Health Organization, Geneva, 2003 (ISBN "
                                        "92 4 154625 5); see WHO publications."
                                    ),
                                    "url": "https://www.who.int/publications",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "interet-superieur-de-l-enfant",
                "required": True,
                "fr": {
                    "title": "L'intérêt supérieur de l'enfant",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Selon la Convention relative aux droits de l'enfant, dans toutes les décisions qui "
                                "concernent un enfant, <strong>l'intérêt supérieur de l'enfant</strong> doit être une "
                                "considération primordiale. Un enfant est toute personne de moins de 18 "
                                "ans.</p><p>Pour un enfant qui est peut-être victime de traite, cela veut "
                                "dire :</p><ul><li>Si l'âge est incertain et qu'il y a des raisons de penser que c'est "
                                "un enfant, on le traite comme un enfant en attendant de vérifier.</li><li>On informe "
                                "sans délai les services de protection de l'enfance et, si besoin, "
                                "l'OPROGEM.</li><li>On écoute l'enfant et on tient compte de son avis, selon son âge "
                                "et sa maturité.</li><li>Un adulte de confiance, désigné par les services compétents, "
                                "l'accompagne dans les démarches.</li><li>On ne le renvoie pas dans sa famille sans "
                                "avoir vérifié que c'est sûr pour lui.</li></ul><p>Le HCR a publié en 2021 des lignes "
                                "directrices sur la procédure de l'intérêt supérieur. Elles montrent comment évaluer "
                                "et déterminer l'intérêt supérieur d'un enfant réfugié, dans le cadre de la gestion de "
                                "cas. Si l'enfant est réfugié ou demandeur d'asile, informez aussi le HCR.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "Un enfant à la gare routière",
                                "text": (
                                    "<p>Un soir, à la gare routière de Kankan, un agent de police remarque un garçon "
                                    "seul, d'environ 12 ans. Il attend un homme qui « doit l'emmener travailler ». Le "
                                    "garçon ne sait pas bien dire d'où il vient. Il n'a pas de papiers.</p>"
                                ),
                                "questions": [
                                    "Faut-il traiter ce garçon comme un enfant, même sans papiers ? Pourquoi ?",
                                    "Quels services l'agent doit-il alerter ?",
                                    "Que faut-il vérifier avant un retour dans sa famille ?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": "Convention relative aux droits de l'enfant, 1989, articles 1 et 3.",
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child",
                                },
                                {
                                    "text": (
                                        "HCR, 2021 UNHCR Best Interests Procedure Guidelines: Assessing and "
                                        "Determining the Best Interests of the Child, Genève, 2021."
                                    ),
                                    "url": "https://www.unhcr.org/",
                                },
                                {
                                    "text": (
                                        "ONUDC, Loi type contre la traite des personnes (Model Law against Trafficking "
                                        "in Persons), Vienne, 2009 ; voir la page de l'ONUDC sur la traite des "
                                        "personnes."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/index.html",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "The best interests of the child",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Under the Convention on the Rights of the Child, in all decisions concerning a "
                                "child, <strong>the best interests of the child</strong> must be a primary "
                                "consideration. A child is any person under 18.</p><p>For a child who may be a victim "
                                "of trafficking, this means:</p><ul><li>If the age is uncertain and there are reasons "
                                "to think the person is a child, they are treated as a child until it is "
                                "checked.</li><li>The child protection services are informed without delay and, if "
                                "needed, the OPROGEM.</li><li>The child is listened to and their views are taken into "
                                "account, according to their age and maturity.</li><li>A trusted adult, appointed by "
                                "the competent services, accompanies the child through the procedures.</li><li>The "
                                "child is not sent back to their family without checking that it is safe for "
                                "them.</li></ul><p>In 2021, UNHCR published guidelines on the best interests "
                                "procedure. They show how to assess and determine the best interests of a refugee "
                                "child, as part of case management. If the child is a refugee or an asylum-seeker, "
                                "also inform UNHCR.</p>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "A child at the bus station",
                                "text": (
                                    "<p>One evening, at the Kankan bus station, a police officer notices a boy alone, "
                                    "about 12 years old. He is waiting for a man who “is going to take him to work”. "
                                    "The boy cannot say clearly where he comes from. He has no papers.</p>"
                                ),
                                "questions": [
                                    "Should this boy be treated as a child, even without papers? Why?",
                                    "Which services should the officer alert?",
                                    "What must be checked before he returns to his family?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": "Convention on the Rights of the Child, 1989, articles 1 and 3.",
                                    "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child",
                                },
                                {
                                    "text": (
                                        "UNHCR, 2021 UNHCR Best Interests Procedure Guidelines: Assessing and "
                                        "Determining the Best Interests of the Child, Geneva, 2021."
                                    ),
                                    "url": "https://www.unhcr.org/",
                                },
                                {
                                    "text": (
                                        "UNODC, Model Law against Trafficking in Persons, Vienna, 2009; see the UNODC "
                                        "human trafficking page."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/index.html",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "confidentialite-et-protection-des-donnees",
                "required": True,
                "fr": {
                    "title": "Confidentialité et protection des données",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Une information mal protégée peut mettre une vie en danger. Si un auteur de la "
                                "traite apprend où se trouve une victime, ou si son histoire circule dans la "
                                "communauté, elle peut subir des représailles, de la honte ou un rejet. La "
                                "confidentialité fait partie de la protection.</p><p>L'OIM a adopté en 2009 des "
                                "<strong>principes de protection des données</strong>, expliqués dans son manuel de "
                                "2010. Les plus utiles sur le terrain :</p><ul><li><strong>But précis</strong> : "
                                "collecter des données seulement pour un but clair et légitime, expliqué à la "
                                "personne.</li><li><strong>Minimum nécessaire</strong> : ne demander que ce qui sert à "
                                "ce but.</li><li><strong>Consentement</strong> : obtenir l'accord de la personne, "
                                "après l'avoir informée.</li><li><strong>Confidentialité</strong> : seules les "
                                "personnes qui en ont besoin ont accès aux "
                                "données.</li><li><strong>Sécurité</strong> : dossiers papier sous clé, téléphones et "
                                "ordinateurs protégés par un mot de passe.</li><li><strong>Transfert</strong> : ne "
                                "transmettre des données à un autre service qu'avec l'accord de la personne et des "
                                "garanties suffisantes.</li><li><strong>Conservation</strong> : garder les données le "
                                "temps nécessaire, puis les détruire de façon sûre.</li></ul><h3>Au "
                                "quotidien</h3><ul><li>Ne jamais partager le nom, la photo ou l'histoire d'une victime "
                                "sur les réseaux sociaux ou dans un groupe de messagerie.</li><li>Utiliser un code "
                                "plutôt qu'un nom dans les listes et les rapports.</li><li>Ne pas parler d'un cas dans "
                                "un lieu public.</li></ul><p>En Guinée, la loi L/2016/037/AN sur la protection des "
                                "données personnelles s'applique aussi.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                "La confidentialité fait partie de la protection.",
                                "But précis, minimum nécessaire, consentement, accès limité, sécurité, durée limitée.",
                                "Jamais de nom, de photo ou d'histoire de victime sur les réseaux sociaux.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIM, IOM Data Protection Manual, Genève, 2010 (principes de protection des "
                                        "données de l'OIM)."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-data-protection-manual",
                                },
                                {
                                    "text": (
                                        "OIM, « Data Protection » (présentation des principes de protection des "
                                        "données de l'OIM, adoptés en 2009)."
                                    ),
                                    "url": "https://www.iom.int/data-protection",
                                },
                                {
                                    "text": (
                                        "C. Zimmerman et C. Watts, WHO Ethical and Safety Recommendations for "
                                        "Interviewing Trafficked Women, Organisation mondiale de la Santé, Genève, "
                                        "2003 (ISBN 92 4 154625 5) ; voir les publications de l'OMS."
                                    ),
                                    "url": "https://www.who.int/publications",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Confidentiality and data protection",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Poorly protected information can put a life in danger. If a trafficker learns "
                                "where a victim is, or if their story spreads in the community, they may suffer "
                                "reprisals, shame or rejection. Confidentiality is part of protection.</p><p>In 2009, "
                                "IOM adopted <strong>data protection principles</strong>, explained in its 2010 "
                                "manual. The most useful in the field:</p><ul><li><strong>Specific purpose</strong>: "
                                "collect data only for a clear and legitimate purpose, explained to the "
                                "person.</li><li><strong>Minimum needed</strong>: ask only for what serves that "
                                "purpose.</li><li><strong>Consent</strong>: obtain the person's agreement, after "
                                "informing them.</li><li><strong>Confidentiality</strong>: only the people who need "
                                "the data have access to it.</li><li><strong>Security</strong>: paper files under lock "
                                "and key, phones and computers protected by a "
                                "password.</li><li><strong>Transfer</strong>: pass data to another service only with "
                                "the person's agreement and sufficient safeguards.</li><li><strong>Retention</strong>: "
                                "keep data only as long as needed, then destroy it safely.</li></ul><h3>Every "
                                "day</h3><ul><li>Never share a victim's name, photo or story on social media or in a "
                                "messaging group.</li><li>Use a code rather than a name in lists and "
                                "reports.</li><li>Do not talk about a case in a public place.</li></ul><p>In Guinea, "
                                "Law L/2016/037/AN on personal data protection also applies.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                "Confidentiality is part of protection.",
                                (
                                    "Specific purpose, minimum needed, consent, limited access, security, limited "
                                    "retention."
                                ),
                                "Never a victim's name, photo or story on social media.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "IOM, IOM Data Protection Manual, Geneva, 2010 (IOM Data Protection "
                                        "Principles)."
                                    ),
                                    "url": "https://publications.iom.int/books/iom-data-protection-manual",
                                },
                                {
                                    "text": (
                                        "IOM, “Data Protection” (overview of the IOM Data Protection Principles, "
                                        "adopted in 2009)."
                                    ),
                                    "url": "https://www.iom.int/data-protection",
                                },
                                {
                                    "text": (
                                        "C. Zimmerman and C. Watts, WHO Ethical and Safety Recommendations for "
                                        "Interviewing Trafficked Women, World Health Organization, Geneva, 2003 (ISBN "
                                        "92 4 154625 5); see WHO publications."
                                    ),
                                    "url": "https://www.who.int/publications",
                                },
                            ],
                        ),
                    ],
                },
            },
        ],
    },
    {
        "slug": "prevention-communautaire",
        "audiences": [
            "religious_leader",
            "civil_society",
            "local_authority",
            "returned_migrant",
        ],
        "duration_minutes": 75,
        "fr": {
            "title": "La prévention communautaire avec les leaders religieux et communautaires",
            "summary": (
                "Ce module aide les leaders religieux et communautaires, les ambassadeurs migrants et les "
                "organisations communautaires de base à prévenir la traite des personnes : informer sur la migration "
                "sûre, repérer les fausses offres, animer un dialogue communautaire et orienter."
            ),
            "objectives": [
                "Donner une information fiable et équilibrée sur la migration sûre.",
                "Repérer les signes d'une fausse offre d'emploi ou d'études.",
                "Préparer et animer un dialogue communautaire sûr, sans jamais nommer une victime.",
                "Décrire le rôle et les limites des ambassadeurs migrants et des équipes d'appui communautaire.",
                "Orienter une personne vers les services compétents.",
            ],
        },
        "en": {
            "title": "Community prevention with religious and community leaders",
            "summary": (
                "This module helps religious and community leaders, migrant ambassadors and community-based "
                "organisations to prevent trafficking in persons: informing about safe migration, spotting false "
                "offers, running a community dialogue and referring."
            ),
            "objectives": [
                "Give reliable and balanced information on safe migration.",
                "Spot the signs of a false job or study offer.",
                "Prepare and run a safe community dialogue, without ever naming a victim.",
                "Describe the role and limits of migrant ambassadors and community support teams.",
                "Refer a person to the competent services.",
            ],
        },
        "lessons": [
            {
                "slug": "informer-sur-la-migration-sure",
                "required": True,
                "fr": {
                    "title": "Informer sur la migration sûre",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Toute personne a le droit de quitter son pays (Déclaration universelle des droits "
                                "de l'homme, article 13). Pour beaucoup de familles, migrer est aussi un projet de "
                                "vie. Le but de la prévention n'est donc pas d'interdire le départ ni de faire peur. "
                                "Le but est que chacun et chacune puisse <strong>décider en connaissant les risques et "
                                "les solutions</strong>.</p><p>Les messages les plus utiles sont "
                                "concrets :</p><ul><li>Garder ses papiers d'identité sur soi et n'en confier "
                                "l'original à personne. Laisser une copie à la famille.</li><li>Demander un contrat "
                                "écrit, dans une langue que l'on comprend, avant de partir.</li><li>Vérifier l'agence "
                                "ou la personne qui recrute auprès des services publics de l'emploi ou des autorités "
                                "locales, avant de payer quoi que ce soit.</li><li>Laisser à la famille le nom, "
                                "l'adresse et le numéro de la personne qui recrute et du lieu de "
                                "travail.</li><li>Convenir avec la famille de donner des nouvelles régulièrement, et "
                                "d'un mot de code en cas de danger.</li><li>Noter les coordonnées de l'ambassade ou du "
                                "consulat de Guinée dans le pays de destination.</li><li>S'informer sur les voies "
                                "régulières : visa, contrat de travail, bourse d'études.</li></ul><p>Les messagers les "
                                "plus crédibles sont souvent ceux que la communauté écoute déjà : imams, prêtres et "
                                "pasteurs, chefs de quartier, associations de femmes et de jeunes, migrants et "
                                "migrantes de retour. Les messages doivent rester honnêtes et équilibrés : exagérer "
                                "les dangers ou humilier ceux qui partent fait perdre la confiance.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                "Informer, pas interdire ni faire peur.",
                                "Papiers sur soi, contrat écrit, recruteur vérifié, contacts laissés à la famille.",
                                "Les messagers les plus crédibles sont ceux que la communauté écoute déjà.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": "Déclaration universelle des droits de l'homme, 1948, article 13.",
                                    "url": "https://www.un.org/en/about-us/universal-declaration-of-human-rights",
                                },
                                {
                                    "text": (
                                        "OIM, Migrants as Messengers : campagne de sensibilisation de pair à pair "
                                        "menée par des migrants et migrantes de retour en Afrique de l'Ouest, dont la "
                                        "Guinée."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Informing about safe migration",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Everyone has the right to leave their country (Universal Declaration of Human "
                                "Rights, article 13). For many families, migrating is also a life project. So the aim "
                                "of prevention is not to forbid departure or to frighten people. The aim is that every "
                                "person can <strong>decide while knowing the risks and the options</strong>.</p><p>The "
                                "most useful messages are practical:</p><ul><li>Keep your identity papers on you and "
                                "never hand the original to anyone. Leave a copy with your family.</li><li>Ask for a "
                                "written contract, in a language you understand, before leaving.</li><li>Check the "
                                "agency or the person recruiting with the public employment services or the local "
                                "authorities, before paying anything.</li><li>Leave your family the name, address and "
                                "number of the recruiter and of the workplace.</li><li>Agree with your family to send "
                                "news regularly, and on a code word in case of danger.</li><li>Write down the contact "
                                "details of the Guinean embassy or consulate in the destination country.</li><li>Find "
                                "out about regular pathways: visa, employment contract, study grant.</li></ul><p>The "
                                "most credible messengers are often those the community already listens to: imams, "
                                "priests and pastors, neighbourhood chiefs, women's and youth associations, returned "
                                "migrants. Messages must stay honest and balanced: exaggerating the dangers or "
                                "humiliating those who leave loses people's trust.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                "Inform; do not forbid or frighten.",
                                "Papers on you, written contract, checked recruiter, contacts left with the family.",
                                "The most credible messengers are those the community already listens to.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": "Universal Declaration of Human Rights, 1948, article 13.",
                                    "url": "https://www.un.org/en/about-us/universal-declaration-of-human-rights",
                                },
                                {
                                    "text": (
                                        "IOM, Migrants as Messengers: peer-to-peer awareness-raising campaign led by "
                                        "returned migrants in West Africa, including Guinea."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "reperer-les-fausses-offres",
                "required": True,
                "fr": {
                    "title": "Repérer les fausses offres d'emploi ou d'études",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Beaucoup de victimes de traite ont d'abord reçu une offre qui semblait bonne : un "
                                "emploi de domestique, de vendeuse, de coiffeuse, une place dans un club de football, "
                                "une bourse d'études. Les recruteurs utilisent la confiance : ils passent par un "
                                "parent, un ami, un voisin ou les réseaux sociaux.</p><h3>Signes "
                                "d'alerte</h3><ul><li>Le salaire promis est très élevé pour un travail "
                                "simple.</li><li>Il faut payer des « frais » pour le travail, le visa ou le "
                                "voyage.</li><li>Il n'y a pas de contrat écrit, ou il est dans une langue "
                                "inconnue.</li><li>L'employeur, l'école ou l'adresse sont vagues et impossibles à "
                                "vérifier.</li><li>Il faut partir très vite et garder le secret.</li><li>Le recruteur "
                                "veut garder le passeport « pour le protéger ».</li><li>Le voyage est « offert », à "
                                "rembourser plus tard par le travail.</li></ul><p>Un seul signe ne prouve pas une "
                                "fraude, mais plusieurs signes doivent faire réfléchir. Le bon réflexe : "
                                "<strong>vérifier avant de partir</strong>.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Une offre trop belle ?",
                                "content": {
                                    "scenario": (
                                        "<p>Hawa, 19 ans, vit à Nzérékoré. Sur un réseau social, un inconnu lui "
                                        "propose un travail de coiffeuse à l'étranger, très bien payé. Le billet "
                                        "d'avion est « offert » : elle le remboursera avec son salaire. Il demande 500 "
                                        "000 francs guinéens pour le visa et veut qu'elle parte dans une semaine, en "
                                        "secret. Hawa demande conseil à son pasteur.</p>"
                                    ),
                                    "questions": [
                                        {
                                            "text": "Quels signes d'alerte voyez-vous ?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Gros salaire, frais à payer, dette pour le voyage, départ "
                                                        "rapide et secret."
                                                    ),
                                                    "correct": True,
                                                    "feedback": "Oui. Ensemble, ces signes doivent faire réfléchir.",
                                                },
                                                {
                                                    "text": "Aucun : l'offre vient d'un réseau social connu.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Un réseau connu ne garantit pas que l'offre est vraie."
                                                    ),
                                                },
                                                {
                                                    "text": "Seulement le fait que le travail est à l'étranger.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Travailler à l'étranger n'est pas un problème en soi. Ce "
                                                        "sont les conditions qui inquiètent."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "Que peut conseiller le pasteur ?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Ne rien payer, garder son passeport et vérifier l'offre "
                                                        "auprès d'un service de confiance."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. Il aide Hawa à vérifier, sans décider à sa place."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Lui interdire de partir et parler d'elle à toute la paroisse."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Interdire ne protège pas, et parler d'elle en public "
                                                        "l'expose."
                                                    ),
                                                },
                                                {
                                                    "text": "Lui dire de partir vite avant que l'offre disparaisse.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. La pression pour partir vite est justement un signe "
                                                        "d'alerte."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "Le pasteur pense que cet homme trompe d'autres jeunes. Que fait-il ?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Il signale les faits à l'OPROGEM ou à la police, sans exposer "
                                                        "Hawa."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Oui. Signaler permet une enquête, et la discrétion protège "
                                                        "Hawa."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Il publie la photo de l'homme et le nom de Hawa sur les "
                                                        "réseaux sociaux."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Cela peut mettre Hawa en danger et gêner l'enquête."
                                                    ),
                                                },
                                                {
                                                    "text": "Il ne fait rien : ce n'est pas son rôle.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "Non. Signaler et orienter font partie de la prévention."
                                                    ),
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Vérifier",
                                        "retry": "Recommencer",
                                        "score": "Votre score : :num sur :total",
                                        "correct": "Bonne réponse",
                                        "incorrect": "Réponse incorrecte",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIT et Commission européenne, Operational indicators of trafficking in human "
                                        "beings: Results from a Delphi survey implemented by the ILO and the European "
                                        "Commission, Genève, 2009 (version révisée de septembre 2009)."
                                    ),
                                    "url": "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "OIM, Migrants as Messengers : campagne de sensibilisation de pair à pair "
                                        "menée par des migrants et migrantes de retour en Afrique de l'Ouest, dont la "
                                        "Guinée."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Spotting false job or study offers",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Many victims of trafficking first received an offer that seemed good: a job as a "
                                "domestic worker, a shop assistant or a hairdresser, a place in a football club, a "
                                "study grant. Recruiters use trust: they go through a relative, a friend, a neighbour "
                                "or social media.</p><h3>Warning signs</h3><ul><li>The promised wage is very high for "
                                "simple work.</li><li>“Fees” must be paid for the job, the visa or the "
                                "journey.</li><li>There is no written contract, or it is in an unknown "
                                "language.</li><li>The employer, the school or the address are vague and impossible to "
                                "check.</li><li>You must leave very quickly and keep it secret.</li><li>The recruiter "
                                "wants to keep the passport “to protect it”.</li><li>The journey is “free”, to be "
                                "repaid later through work.</li></ul><p>A single sign does not prove fraud, but "
                                "several signs should make you think. The right reflex: <strong>check before "
                                "leaving</strong>.</p>"
                            ),
                        ),
                        (
                            "h5p",
                            {
                                "title": "Too good to be true?",
                                "content": {
                                    "scenario": (
                                        "<p>Hawa, 19, lives in Nzérékoré. On social media, a stranger offers her a "
                                        "very well-paid job as a hairdresser abroad. The plane ticket is “free”: she "
                                        "will repay it from her wages. He asks for 500,000 Guinean francs for the visa "
                                        "and wants her to leave within a week, in secret. Hawa asks her pastor for "
                                        "advice.</p>"
                                    ),
                                    "questions": [
                                        {
                                            "text": "Which warning signs do you see?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "High wage, fees to pay, a debt for the journey, a quick and "
                                                        "secret departure."
                                                    ),
                                                    "correct": True,
                                                    "feedback": "Yes. Together, these signs should make her think.",
                                                },
                                                {
                                                    "text": "None: the offer comes from a well-known social network.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. A well-known network does not guarantee that the offer is "
                                                        "real."
                                                    ),
                                                },
                                                {
                                                    "text": "Only the fact that the job is abroad.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Working abroad is not a problem in itself. It is the "
                                                        "conditions that are worrying."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": "What can the pastor advise?",
                                            "answers": [
                                                {
                                                    "text": (
                                                        "Pay nothing, keep her passport and check the offer with a "
                                                        "trusted service."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes. He helps Hawa to check, without deciding for her."
                                                    ),
                                                },
                                                {
                                                    "text": (
                                                        "Forbid her to leave and talk about her to the whole parish."
                                                    ),
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Forbidding does not protect, and talking about her in "
                                                        "public exposes her."
                                                    ),
                                                },
                                                {
                                                    "text": "Tell her to leave quickly before the offer disappears.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. Pressure to leave quickly is precisely a warning sign."
                                                    ),
                                                },
                                            ],
                                        },
                                        {
                                            "text": (
                                                "The pastor thinks this man is deceiving other young people. What does "
                                                "he do?"
                                            ),
                                            "answers": [
                                                {
                                                    "text": (
                                                        "He reports the facts to the OPROGEM or the police, without "
                                                        "exposing Hawa."
                                                    ),
                                                    "correct": True,
                                                    "feedback": (
                                                        "Yes. Reporting allows an investigation, and discretion "
                                                        "protects Hawa."
                                                    ),
                                                },
                                                {
                                                    "text": "He posts the man's photo and Hawa's name on social media.",
                                                    "correct": False,
                                                    "feedback": (
                                                        "No. This can put Hawa in danger and hinder the investigation."
                                                    ),
                                                },
                                                {
                                                    "text": "He does nothing: it is not his role.",
                                                    "correct": False,
                                                    "feedback": "No. Reporting and referring are part of prevention.",
                                                },
                                            ],
                                        },
                                    ],
                                    "l10n": {
                                        "check": "Check",
                                        "retry": "Retry",
                                        "score": "Your score: :num out of :total",
                                        "correct": "Correct",
                                        "incorrect": "Incorrect",
                                    },
                                },
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "ILO and European Commission, Operational indicators of trafficking in human "
                                        "beings: Results from a Delphi survey implemented by the ILO and the European "
                                        "Commission, Geneva, 2009 (revised version of September 2009)."
                                    ),
                                    "url": "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "IOM, Migrants as Messengers: peer-to-peer awareness-raising campaign led by "
                                        "returned migrants in West Africa, including Guinea."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "animer-un-dialogue-communautaire",
                "required": True,
                "fr": {
                    "title": "Animer un dialogue communautaire",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Un <strong>dialogue communautaire</strong> est une discussion organisée où les "
                                "membres d'une communauté parlent ensemble d'un problème et cherchent leurs propres "
                                "solutions. Ce n'est pas un cours. L'animateur ou l'animatrice pose des questions, "
                                "écoute et fait circuler la parole.</p><h3>1. Préparer</h3><ul><li>Informer les "
                                "autorités locales et les chefs coutumiers et religieux, et obtenir leur "
                                "appui.</li><li>Choisir un lieu neutre et accessible, et une heure qui convient aux "
                                "femmes et aux jeunes.</li><li>Parler la langue locale et, si besoin, prévoir des "
                                "groupes séparés de femmes, d'hommes et de jeunes.</li><li>Préparer la liste des "
                                "services vers lesquels orienter une personne.</li></ul><h3>2. Créer un espace "
                                "sûr</h3><ul><li>Fixer ensemble des règles : respect, écoute, pas de moquerie, "
                                "confidentialité.</li><li>Règle d'or : <strong>on ne cite aucun nom</strong>. On parle "
                                "de situations, jamais de personnes reconnaissables.</li><li>Personne n'est obligé de "
                                "raconter sa propre histoire.</li></ul><h3>3. Animer</h3><ul><li>Partir d'une histoire "
                                "inventée ou d'une question ouverte : « Quelles offres de travail circulent chez "
                                "nous ? »</li><li>Donner la parole à tous, surtout à ceux qui parlent "
                                "peu.</li><li>Corriger les fausses informations avec calme.</li><li>Finir par des "
                                "actions décidées ensemble.</li></ul><h3>4. Après</h3><p>Si une personne se confie, "
                                "écoutez-la à part, en privé, et proposez-lui une orientation. Ne racontez jamais son "
                                "histoire à d'autres. Notez les actions décidées et faites le suivi.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Dialogue communautaire",
                                "definition": (
                                    "Discussion organisée où les membres d'une communauté parlent ensemble d'un "
                                    "problème, comme la traite des personnes, et décident de leurs propres actions."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Préparer : autorités, lieu, langue, liste des services.",
                                "Règle d'or : aucun nom, aucune victime reconnaissable.",
                                "Une confidence s'écoute en privé et s'oriente.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Genève, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "ONUDC, Toolkit to Combat Trafficking in Persons (Manuel de lutte contre la "
                                        "traite des personnes), 2e édition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "OIM, Migrants as Messengers : campagne de sensibilisation de pair à pair "
                                        "menée par des migrants et migrantes de retour en Afrique de l'Ouest, dont la "
                                        "Guinée."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Running a community dialogue",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>A <strong>community dialogue</strong> is an organised discussion in which members "
                                "of a community talk together about a problem and look for their own solutions. It is "
                                "not a lecture. The facilitator asks questions, listens and makes sure everyone gets "
                                "to speak.</p><h3>1. Prepare</h3><ul><li>Inform the local authorities and the "
                                "traditional and religious leaders, and get their support.</li><li>Choose a neutral, "
                                "accessible place, and a time that suits women and young people.</li><li>Speak the "
                                "local language and, if needed, plan separate groups of women, men and young "
                                "people.</li><li>Prepare the list of services to which a person can be "
                                "referred.</li></ul><h3>2. Create a safe space</h3><ul><li>Agree on rules together: "
                                "respect, listening, no mockery, confidentiality.</li><li>Golden rule: <strong>no "
                                "names are mentioned</strong>. We talk about situations, never about recognisable "
                                "people.</li><li>Nobody has to tell their own story.</li></ul><h3>3. "
                                "Facilitate</h3><ul><li>Start from an invented story or an open question: “What job "
                                "offers are going around here?”</li><li>Give everyone the floor, especially those who "
                                "speak little.</li><li>Correct false information calmly.</li><li>End with actions "
                                "decided together.</li></ul><h3>4. Afterwards</h3><p>If someone confides in you, "
                                "listen to them separately, in private, and offer a referral. Never tell their story "
                                "to others. Write down the actions decided and follow them up.</p>"
                            ),
                        ),
                        (
                            "glossary_term",
                            {
                                "term": "Community dialogue",
                                "definition": (
                                    "An organised discussion in which members of a community talk together about a "
                                    "problem, such as trafficking in persons, and decide on their own actions."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            [
                                "Prepare: authorities, place, language, list of services.",
                                "Golden rule: no names, no recognisable victim.",
                                "A confidence is heard in private and referred.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "IOM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Geneva, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "UNODC, Toolkit to Combat Trafficking in Persons, 2nd edition, New York, 2008."
                                    ),
                                    "url": "https://www.unodc.org/unodc/en/human-trafficking/2008/electronic-toolkit/electronic-toolkit-to-combat-trafficking-in-persons---index.html",
                                },
                                {
                                    "text": (
                                        "IOM, Migrants as Messengers: peer-to-peer awareness-raising campaign led by "
                                        "returned migrants in West Africa, including Guinea."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "ambassadeurs-migrants-et-equipes-d-appui",
                "required": True,
                "fr": {
                    "title": "Ambassadeurs migrants et équipes d'appui communautaire",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Les <strong>ambassadeurs migrants</strong> et <strong>ambassadrices "
                                "migrantes</strong> sont des migrants et migrantes de retour qui choisissent de "
                                "partager leur expérience, pour aider d'autres personnes à décider en connaissance de "
                                "cause. Depuis 2017, le projet « Migrants as Messengers » de l'OIM s'appuie ainsi sur "
                                "des volontaires de retour en Afrique de l'Ouest, dont la Guinée.</p><p>Les "
                                "<strong>équipes d'appui communautaire</strong> réunissent des personnes de "
                                "confiance : leaders, membres d'associations, ambassadeurs migrants. Elles animent des "
                                "dialogues communautaires, repèrent les situations à risque et aident à orienter les "
                                "personnes vers les services.</p><h3>Leur rôle</h3><ul><li>Témoigner, s'ils le "
                                "veulent, de ce qu'ils ont vécu, sans exagérer.</li><li>Informer sur la migration sûre "
                                "et les voies régulières.</li><li>Écouter et orienter, sans enquêter.</li><li>Lutter "
                                "contre la honte et le rejet que vivent souvent les personnes de "
                                "retour.</li></ul><h3>Leurs limites</h3><ul><li>Ils ne remplacent ni la police, ni la "
                                "justice, ni les services sociaux.</li><li>Témoigner reste un choix : personne ne doit "
                                "être poussé à raconter son histoire.</li><li>Raconter peut raviver des souvenirs "
                                "douloureux. Les équipes prévoient du soutien psychosocial et des moments de "
                                "repos.</li></ul>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "Le témoignage de Mamadou",
                                "text": (
                                    "<p>Mamadou est rentré en Guinée après deux ans sur la route. Il est devenu "
                                    "ambassadeur migrant à Mamou. Pendant un dialogue communautaire, un responsable "
                                    "lui demande de raconter en détail les violences qu'il a subies, « pour que les "
                                    "jeunes aient peur ». Mamadou hésite.</p>"
                                ),
                                "questions": [
                                    "Mamadou est-il obligé de raconter ces détails ? Pourquoi ?",
                                    "Un message fondé sur la peur est-il efficace ? Que proposer à la place ?",
                                    "Comment l'équipe d'appui communautaire peut-elle soutenir Mamadou ?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIM, Migrants as Messengers : campagne de sensibilisation de pair à pair "
                                        "menée par des migrants et migrantes de retour en Afrique de l'Ouest, dont la "
                                        "Guinée."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                                {
                                    "text": (
                                        "OIM Nigeria, « Migrants as Messengers Project has Equipped Returned Migrants "
                                        "to Drive Awareness Raising on Migration in their Communities »."
                                    ),
                                    "url": "https://nigeria.iom.int/news/migrants-messengers-project-has-equipped-returned-migrants-drive-awareness-raising-migration-their-communities",
                                },
                                {
                                    "text": (
                                        "OIM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Genève, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Migrant ambassadors and community support teams",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p><strong>Migrant ambassadors</strong> are returned migrants, women and men, who "
                                "choose to share their experience to help other people make informed decisions. Since "
                                "2017, IOM's “Migrants as Messengers” project has relied in this way on returnee "
                                "volunteers in West Africa, including Guinea.</p><p><strong>Community support "
                                "teams</strong> bring together trusted people: leaders, members of associations, "
                                "migrant ambassadors. They run community dialogues, spot situations at risk and help "
                                "to refer people to services.</p><h3>Their role</h3><ul><li>Bear witness, if they "
                                "wish, to what they lived through, without exaggerating.</li><li>Inform about safe "
                                "migration and regular pathways.</li><li>Listen and refer, without "
                                "investigating.</li><li>Fight the shame and rejection that returnees often "
                                "face.</li></ul><h3>Their limits</h3><ul><li>They replace neither the police, nor the "
                                "courts, nor the social services.</li><li>Bearing witness remains a choice: nobody "
                                "should be pushed to tell their story.</li><li>Telling one's story can bring back "
                                "painful memories. Teams plan psychosocial support and time to rest.</li></ul>"
                            ),
                        ),
                        (
                            "case_study",
                            {
                                "title": "Mamadou's testimony",
                                "text": (
                                    "<p>Mamadou came back to Guinea after two years on the road. He became a migrant "
                                    "ambassador in Mamou. During a community dialogue, an official asks him to "
                                    "describe in detail the violence he suffered, “so that young people will be "
                                    "afraid”. Mamadou hesitates.</p>"
                                ),
                                "questions": [
                                    "Does Mamadou have to tell these details? Why?",
                                    "Is a message based on fear effective? What could be proposed instead?",
                                    "How can the community support team support Mamadou?",
                                ],
                            },
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "IOM, Migrants as Messengers: peer-to-peer awareness-raising campaign led by "
                                        "returned migrants in West Africa, including Guinea."
                                    ),
                                    "url": "https://www.migrantsasmessengers.org/",
                                },
                                {
                                    "text": (
                                        "IOM Nigeria, “Migrants as Messengers Project has Equipped Returned Migrants "
                                        "to Drive Awareness Raising on Migration in their Communities”."
                                    ),
                                    "url": "https://nigeria.iom.int/news/migrants-messengers-project-has-equipped-returned-migrants-drive-awareness-raising-migration-their-communities",
                                },
                                {
                                    "text": (
                                        "IOM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Geneva, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                            ],
                        ),
                    ],
                },
            },
            {
                "slug": "ou-orienter",
                "required": True,
                "fr": {
                    "title": "Où orienter une personne ?",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>Quand une personne est en danger ou demande de l'aide, le leader communautaire ne "
                                "reste pas seul. Il l'oriente vers les services compétents, avec son accord. Si sa vie "
                                "est en danger, ou s'il s'agit d'un enfant en danger, il alerte tout de "
                                "suite.</p><ul><li><strong>Danger immédiat</strong> : la police ou la gendarmerie la "
                                "plus proche.</li><li><strong>Traite, violences, enfants</strong> : "
                                "l'OPROGEM.</li><li><strong>Protection et prise en charge</strong> : les services de "
                                "l'action sociale et de la protection de l'enfance.</li><li><strong>Soins</strong> : "
                                "le centre de santé ou l'hôpital.</li><li><strong>Migrants et migrantes de retour ou "
                                "en difficulté</strong> : l'OIM.</li><li><strong>Réfugiés, demandeurs d'asile, "
                                "personnes qui craignent d'être persécutées si elles rentrent dans leur "
                                "pays</strong> : le HCR et ses partenaires.</li><li><strong>Écoute et "
                                "conseil</strong> : le numéro vert national (numéro à vérifier auprès des autorités "
                                "locales) et les organisations de la société civile de la zone.</li></ul><h3>Préparer "
                                "son répertoire</h3><p>Avant d'en avoir besoin, faites la liste des services de votre "
                                "préfecture : nom, adresse, téléphone, jours d'ouverture, personne à contacter. "
                                "Vérifiez ces informations auprès de la préfecture, de l'action sociale ou du CNLTPPA. "
                                "Mettez la liste à jour chaque année.</p><h3>Bien orienter</h3><ul><li>Expliquer à la "
                                "personne où elle va et ce qui va se passer.</li><li>Transmettre seulement les "
                                "informations utiles, avec son accord.</li><li>Accompagner si possible, puis prendre "
                                "des nouvelles avec discrétion.</li></ul>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                (
                                    "Danger immédiat : police ou gendarmerie. Traite et enfants : OPROGEM et "
                                    "protection de l'enfance."
                                ),
                                "Migrants : OIM. Réfugiés : HCR.",
                                "Préparer et vérifier chaque année un répertoire local des services.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "OIM, IOM Guidance on Referral Mechanisms for the Protection and Assistance of "
                                        "Migrants Vulnerable to Violence, Exploitation and Abuse and Victims of "
                                        "Trafficking, Genève, 2019."
                                    ),
                                    "url": "https://eea.iom.int/publications/iom-guidance-referral-mechanisms",
                                },
                                {
                                    "text": (
                                        "OIM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Genève, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "HCR, Principes directeurs sur la protection internationale n° 7 : application "
                                        "de l'article 1A(2) de la Convention de 1951 et/ou du Protocole de 1967 "
                                        "relatifs au statut des réfugiés aux victimes de la traite et aux personnes "
                                        "risquant d'être victimes de la traite, 7 avril 2006 (HCR/GIP/06/07)."
                                    ),
                                    "url": "https://data.unhcr.org/en/documents/details/71320",
                                },
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Where to refer a person?",
                    "body": [
                        (
                            "rich_text",
                            (
                                "<p>When a person is in danger or asks for help, the community leader does not stay "
                                "alone with it. They refer the person to the competent services, with the person's "
                                "agreement. If the person's life is in danger, or if a child is in danger, they raise "
                                "the alert at once.</p><ul><li><strong>Immediate danger</strong>: the nearest police "
                                "or gendarmerie.</li><li><strong>Trafficking, violence, children</strong>: the "
                                "OPROGEM.</li><li><strong>Protection and care</strong>: the social welfare and child "
                                "protection services.</li><li><strong>Health care</strong>: the health centre or "
                                "hospital.</li><li><strong>Returned migrants or migrants in difficulty</strong>: "
                                "IOM.</li><li><strong>Refugees, asylum-seekers, people who fear persecution if they "
                                "return to their country</strong>: UNHCR and its partners.</li><li><strong>Listening "
                                "and advice</strong>: the national toll-free line (number to be checked with the local "
                                "authorities) and the civil society organisations in the area.</li></ul><h3>Prepare "
                                "your directory</h3><p>Before you need it, list the services in your prefecture: name, "
                                "address, telephone, opening days, contact person. Check this information with the "
                                "prefecture, the social welfare services or the CNLTPPA. Update the list every "
                                "year.</p><h3>Refer well</h3><ul><li>Explain to the person where they are going and "
                                "what will happen.</li><li>Pass on only useful information, with their "
                                "agreement.</li><li>Accompany them if possible, then check on them "
                                "discreetly.</li></ul>"
                            ),
                        ),
                        (
                            "key_points",
                            [
                                (
                                    "Immediate danger: police or gendarmerie. Trafficking and children: OPROGEM and "
                                    "child protection."
                                ),
                                "Migrants: IOM. Refugees: UNHCR.",
                                "Prepare a local directory of services and check it every year.",
                            ],
                        ),
                        (
                            "references",
                            [
                                {
                                    "text": (
                                        "IOM, IOM Guidance on Referral Mechanisms for the Protection and Assistance of "
                                        "Migrants Vulnerable to Violence, Exploitation and Abuse and Victims of "
                                        "Trafficking, Geneva, 2019."
                                    ),
                                    "url": "https://eea.iom.int/publications/iom-guidance-referral-mechanisms",
                                },
                                {
                                    "text": (
                                        "IOM, IOM Handbook on Protection and Assistance for Migrants Vulnerable to "
                                        "Violence, Exploitation and Abuse, Geneva, 2019."
                                    ),
                                    "url": "https://www.iom.int/iom-handbook-migrant-protection-and-assistance",
                                },
                                {
                                    "text": (
                                        "UNHCR, Guidelines on International Protection No. 7: The application of "
                                        "Article 1A(2) of the 1951 Convention and/or 1967 Protocol relating to the "
                                        "Status of Refugees to victims of trafficking and persons at risk of being "
                                        "trafficked, 7 April 2006 (HCR/GIP/06/07)."
                                    ),
                                    "url": "https://data.unhcr.org/en/documents/details/71320",
                                },
                            ],
                        ),
                    ],
                },
            },
        ],
    },
]
