"""Demo pre/post tests: original questions, French with English translation, tagged by learning objective."""

BANKS = {
    "securite-humaine": {
        "title": {
            "fr": "L'approche de sécurité humaine : pré-test et post-test",
            "en": "The human security approach: pre-test and post-test",
        },
        "questions": [
            {
                "reference": "SH-01",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Expliquer la sécurité humaine et ses trois libertés : vivre à l'abri de la peur, à l'abri "
                        "du besoin et dans la dignité."
                    ),
                    "en": (
                        "Explain human security and its three freedoms: freedom from fear, freedom from want and "
                        "freedom to live in dignity."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "Quelle question est au point de départ de la sécurité humaine ?",
                    "options": {
                        "a": "L'armée est-elle assez forte ?",
                        "b": "Les frontières sont-elles bien gardées ?",
                        "c": "Les personnes sont-elles en sécurité dans leur vie de tous les jours ?",
                        "d": "Les institutions de l'État sont-elles protégées ?",
                    },
                    "explanation": (
                        "La sécurité humaine part de la vie de tous les jours des personnes, pas seulement de la "
                        "sécurité de l'État (résolution 66/290 de l'Assemblée générale des Nations Unies, 2012)."
                    ),
                },
                "en": {
                    "text": "Which question is the starting point of human security?",
                    "options": {
                        "a": "Is the army strong enough?",
                        "b": "Are the borders well guarded?",
                        "c": "Are people safe in their everyday lives?",
                        "d": "Are the State's institutions protected?",
                    },
                    "explanation": (
                        "Human security starts from people's everyday lives, not only from the security of the "
                        "State (United Nations General Assembly resolution 66/290, 2012)."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "SH-02",
                "kind": "matching",
                "objective": {
                    "fr": (
                        "Expliquer la sécurité humaine et ses trois libertés : vivre à l'abri de la peur, à l'abri "
                        "du besoin et dans la dignité."
                    ),
                    "en": (
                        "Explain human security and its three freedoms: freedom from fear, freedom from want and "
                        "freedom to live in dignity."
                    ),
                },
                "points": 2,
                "fr": {
                    "text": "Reliez chaque liberté à ce qu'elle veut dire.",
                    "left": {
                        "1": "Vivre à l'abri de la peur",
                        "2": "Vivre à l'abri du besoin",
                        "3": "Vivre dans la dignité",
                    },
                    "right": {
                        "a": "Être respecté, exercer ses droits, participer aux décisions",
                        "b": "Ne pas subir la violence, les menaces ou l'exploitation",
                        "c": "Avoir une armée forte pour défendre les frontières",
                        "d": "Avoir de quoi manger, se soigner, apprendre et travailler",
                    },
                    "explanation": (
                        "La résolution 66/290 (2012) rappelle le droit de chacun de vivre libre et dans la "
                        "dignité, à l'abri de la pauvreté et du désespoir. On le résume en trois libertés."
                    ),
                },
                "en": {
                    "text": "Match each freedom with what it means.",
                    "left": {
                        "1": "Freedom from fear",
                        "2": "Freedom from want",
                        "3": "Freedom to live in dignity",
                    },
                    "right": {
                        "a": "Being respected, exercising one's rights, taking part in decisions",
                        "b": "Not suffering violence, threats or exploitation",
                        "c": "Having a strong army to defend the borders",
                        "d": "Having enough to eat, to get health care, to learn and to work",
                    },
                    "explanation": (
                        "Resolution 66/290 (2012) recalls the right of people to live in freedom and dignity, free "
                        "from poverty and despair. This is summed up as three freedoms."
                    ),
                },
                "key": {
                    "pairs": {
                        "1": "b",
                        "2": "d",
                        "3": "a",
                    },
                },
            },
            {
                "reference": "SH-03",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Expliquer la sécurité humaine et ses trois libertés : vivre à l'abri de la peur, à l'abri "
                        "du besoin et dans la dignité."
                    ),
                    "en": (
                        "Explain human security and its three freedoms: freedom from fear, freedom from want and "
                        "freedom to live in dignity."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "La sécurité humaine remplace la sécurité de l'État.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. La résolution 66/290 le dit clairement : la sécurité humaine ne remplace pas la "
                        "sécurité de l'État et n'implique pas l'usage de la force."
                    ),
                },
                "en": {
                    "text": "Human security replaces State security.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. Resolution 66/290 says it clearly: human security does not replace State security "
                        "and does not involve the use of force."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "SH-04",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Expliquer la sécurité humaine et ses trois libertés : vivre à l'abri de la peur, à l'abri "
                        "du besoin et dans la dignité."
                    ),
                    "en": (
                        "Explain human security and its three freedoms: freedom from fear, freedom from want and "
                        "freedom to live in dignity."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Selon la résolution 66/290, qui garde le rôle principal pour assurer la survie, les "
                        "moyens de subsistance et la dignité des citoyens ?"
                    ),
                    "options": {
                        "a": "La communauté internationale",
                        "b": "Les gouvernements",
                        "c": "La société civile",
                        "d": "Les leaders religieux",
                    },
                    "explanation": (
                        "Les gouvernements gardent le rôle principal. La communauté internationale et la société "
                        "civile les appuient (résolution 66/290, 2012)."
                    ),
                },
                "en": {
                    "text": (
                        "According to resolution 66/290, who keeps the primary role in ensuring the survival, "
                        "livelihood and dignity of citizens?"
                    ),
                    "options": {
                        "a": "The international community",
                        "b": "Governments",
                        "c": "Civil society",
                        "d": "Religious leaders",
                    },
                    "explanation": (
                        "Governments keep the primary role. The international community and civil society support "
                        "them (resolution 66/290, 2012)."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "SH-05",
                "kind": "short",
                "objective": {
                    "fr": (
                        "Expliquer la sécurité humaine et ses trois libertés : vivre à l'abri de la peur, à l'abri "
                        "du besoin et dans la dignité."
                    ),
                    "en": (
                        "Explain human security and its three freedoms: freedom from fear, freedom from want and "
                        "freedom to live in dignity."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "En quelle année l'Assemblée générale des Nations Unies a-t-elle adopté la résolution "
                        "66/290 sur la sécurité humaine ?"
                    ),
                    "accepted": ["2012", "en 2012"],
                    "explanation": "La résolution 66/290 a été adoptée par consensus le 10 septembre 2012.",
                },
                "en": {
                    "text": (
                        "In which year did the United Nations General Assembly adopt resolution 66/290 on human "
                        "security?"
                    ),
                    "accepted": ["2012", "in 2012"],
                    "explanation": "Resolution 66/290 was adopted by consensus on 10 September 2012.",
                },
                "key": {},
            },
            {
                "reference": "SH-06",
                "kind": "multiple",
                "objective": {
                    "fr": (
                        "Citer les quatre principes de l'approche : centrée sur les personnes, globale, adaptée au "
                        "contexte, axée sur la prévention."
                    ),
                    "en": (
                        "Name the four principles of the approach: people-centred, comprehensive, "
                        "context-specific, prevention-oriented."
                    ),
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Quels sont des principes de l'approche de sécurité humaine ? Choisissez toutes les bonnes "
                        "réponses."
                    ),
                    "options": {
                        "a": "Centrée sur les personnes",
                        "b": "Fondée sur l'usage de la force",
                        "c": "Globale",
                        "d": "La même réponse partout",
                        "e": "Axée sur la prévention",
                    },
                    "explanation": (
                        "La résolution 66/290 demande des réponses centrées sur les personnes, globales, adaptées "
                        "au contexte et axées sur la prévention."
                    ),
                },
                "en": {
                    "text": (
                        "Which of these are principles of the human security approach? Choose all correct answers."
                    ),
                    "options": {
                        "a": "People-centred",
                        "b": "Based on the use of force",
                        "c": "Comprehensive",
                        "d": "The same response everywhere",
                        "e": "Prevention-oriented",
                    },
                    "explanation": (
                        "Resolution 66/290 calls for people-centred, comprehensive, context-specific and "
                        "prevention-oriented responses."
                    ),
                },
                "key": {
                    "correct": ["a", "c", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "SH-07",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Citer les quatre principes de l'approche : centrée sur les personnes, globale, adaptée au "
                        "contexte, axée sur la prévention."
                    ),
                    "en": (
                        "Name the four principles of the approach: people-centred, comprehensive, "
                        "context-specific, prevention-oriented."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Pour répondre à la traite des personnes, un comité réunit la police, la justice, l'action "
                        "sociale, la santé, l'éducation et l'emploi. Quel principe applique-t-il surtout ?"
                    ),
                    "options": {
                        "a": "Adaptée au contexte",
                        "b": "Axée sur la prévention",
                        "c": "Centrée sur les personnes",
                        "d": "Globale",
                    },
                    "explanation": (
                        "Les menaces sont liées entre elles : une réponse globale réunit plusieurs secteurs et "
                        "plusieurs acteurs (manuel du Fonds des Nations Unies pour la sécurité humaine, 2016)."
                    ),
                },
                "en": {
                    "text": (
                        "To respond to trafficking in persons, a committee brings together the police, justice, "
                        "social welfare, health, education and employment. Which principle is it mainly applying?"
                    ),
                    "options": {
                        "a": "Context-specific",
                        "b": "Prevention-oriented",
                        "c": "People-centred",
                        "d": "Comprehensive",
                    },
                    "explanation": (
                        "Threats are linked to each other: a comprehensive response brings together several "
                        "sectors and several actors (handbook of the UN Trust Fund for Human Security, 2016)."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "SH-08",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Citer les quatre principes de l'approche : centrée sur les personnes, globale, adaptée au "
                        "contexte, axée sur la prévention."
                    ),
                    "en": (
                        "Name the four principles of the approach: people-centred, comprehensive, "
                        "context-specific, prevention-oriented."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un comité étudie les risques propres à une zone d'orpaillage de Haute-Guinée, car ils "
                        "sont différents de ceux d'un quartier de Conakry. Quel principe applique-t-il ?"
                    ),
                    "options": {
                        "a": "Adaptée au contexte",
                        "b": "Globale",
                        "c": "Axée sur la prévention",
                        "d": "Centrée sur les personnes",
                    },
                    "explanation": (
                        "Les causes ne sont pas les mêmes partout : on analyse chaque situation avant d'agir "
                        "(principe « adaptée au contexte », résolution 66/290)."
                    ),
                },
                "en": {
                    "text": (
                        "A committee studies the risks specific to an artisanal gold-mining area of Upper Guinea, "
                        "because they are different from those of a neighbourhood of Conakry. Which principle is "
                        "it applying?"
                    ),
                    "options": {
                        "a": "Context-specific",
                        "b": "Comprehensive",
                        "c": "Prevention-oriented",
                        "d": "People-centred",
                    },
                    "explanation": (
                        "The causes are not the same everywhere: each situation is analysed before acting (the "
                        "“context-specific” principle, resolution 66/290)."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "SH-09",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Citer les quatre principes de l'approche : centrée sur les personnes, globale, adaptée au "
                        "contexte, axée sur la prévention."
                    ),
                    "en": (
                        "Name the four principles of the approach: people-centred, comprehensive, "
                        "context-specific, prevention-oriented."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "Que veut dire une approche « axée sur la prévention » ?",
                    "options": {
                        "a": "Punir les auteurs après les faits",
                        "b": "Agir sur les causes profondes avant que le mal soit fait",
                        "c": "Attendre qu'une victime porte plainte",
                        "d": "Organiser une seule grande réunion publique",
                    },
                    "explanation": (
                        "On cherche les causes profondes pour agir avant que le mal soit fait. Prévenir coûte "
                        "moins cher, en argent et en souffrance, que réparer (manuel du Fonds des Nations Unies "
                        "pour la sécurité humaine, 2016)."
                    ),
                },
                "en": {
                    "text": "What does a “prevention-oriented” approach mean?",
                    "options": {
                        "a": "Punishing offenders after the facts",
                        "b": "Acting on the root causes before harm is done",
                        "c": "Waiting for a victim to file a complaint",
                        "d": "Organising a single large public meeting",
                    },
                    "explanation": (
                        "We look for the root causes in order to act before harm is done. Preventing costs less, "
                        "in money and in suffering, than repairing (handbook of the UN Trust Fund for Human "
                        "Security, 2016)."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "SH-10",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Citer les quatre principes de l'approche : centrée sur les personnes, globale, adaptée au "
                        "contexte, axée sur la prévention."
                    ),
                    "en": (
                        "Name the four principles of the approach: people-centred, comprehensive, "
                        "context-specific, prevention-oriented."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Dans l'approche de sécurité humaine, les personnes les plus vulnérables participent aux "
                        "décisions qui les concernent."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. C'est le principe « centrée sur les personnes » : on écoute les femmes, les "
                        "enfants, les jeunes sans emploi, les migrants et migrantes de retour (résolution 66/290)."
                    ),
                },
                "en": {
                    "text": (
                        "In the human security approach, the most vulnerable people take part in the decisions "
                        "that concern them."
                    ),
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. This is the “people-centred” principle: we listen to women, children, young people "
                        "without work and returned migrants (resolution 66/290)."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "SH-11",
                "kind": "single",
                "objective": {
                    "fr": "Distinguer la protection et l'autonomisation, et montrer comment elles se complètent.",
                    "en": "Distinguish protection from empowerment, and show how they complement each other.",
                },
                "points": 1,
                "fr": {
                    "text": "Quel exemple relève de la protection ?",
                    "options": {
                        "a": "Une formation qui apporte un revenu",
                        "b": "Des ambassadeurs migrants qui partagent leur expérience",
                        "c": "Des services d'accueil pour les survivants et survivantes",
                        "d": "Une information fiable sur la migration sûre",
                    },
                    "explanation": (
                        "La protection vient des institutions : lois, police formée, services d'accueil, mécanisme "
                        "national d'orientation (Commission sur la sécurité humaine, Human Security Now, 2003)."
                    ),
                },
                "en": {
                    "text": "Which example is a form of protection?",
                    "options": {
                        "a": "Training that brings in an income",
                        "b": "Migrant ambassadors who share their experience",
                        "c": "Reception services for survivors",
                        "d": "Reliable information on safe migration",
                    },
                    "explanation": (
                        "Protection comes from institutions: laws, trained police, reception services, a national "
                        "referral mechanism (Commission on Human Security, Human Security Now, 2003)."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "SH-12",
                "kind": "multiple",
                "objective": {
                    "fr": "Distinguer la protection et l'autonomisation, et montrer comment elles se complètent.",
                    "en": "Distinguish protection from empowerment, and show how they complement each other.",
                },
                "points": 2,
                "fr": {
                    "text": "Quels exemples relèvent de l'autonomisation ? Choisissez toutes les bonnes réponses.",
                    "options": {
                        "a": "Un dialogue communautaire",
                        "b": "Une loi pénale qui punit les auteurs",
                        "c": "Une police formée",
                        "d": "Des jeunes qui apprennent à vérifier une offre de travail",
                        "e": "Un mécanisme national d'orientation",
                    },
                    "explanation": (
                        "L'autonomisation renforce les capacités des personnes et des communautés : elles font des "
                        "choix éclairés et agissent. La loi, la police et le mécanisme d'orientation relèvent de "
                        "la protection (Human Security Now, 2003)."
                    ),
                },
                "en": {
                    "text": "Which examples are forms of empowerment? Choose all correct answers.",
                    "options": {
                        "a": "A community dialogue",
                        "b": "A criminal law that punishes offenders",
                        "c": "Trained police",
                        "d": "Young people learning to check a job offer",
                        "e": "A national referral mechanism",
                    },
                    "explanation": (
                        "Empowerment builds the capacities of people and communities: they make informed choices "
                        "and act. The law, the police and the referral mechanism are forms of protection (Human "
                        "Security Now, 2003)."
                    ),
                },
                "key": {
                    "correct": ["a", "d"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "SH-13",
                "kind": "single",
                "objective": {
                    "fr": "Distinguer la protection et l'autonomisation, et montrer comment elles se complètent.",
                    "en": "Distinguish protection from empowerment, and show how they complement each other.",
                },
                "points": 1,
                "fr": {
                    "text": "D'où vient surtout la protection ?",
                    "options": {
                        "a": "Des institutions : l'État et ses partenaires, « du haut vers le bas »",
                        "b": "Des personnes et des communautés, « du bas vers le haut »",
                        "c": "Des familles seulement",
                        "d": "Des victimes elles-mêmes, après l'exploitation",
                    },
                    "explanation": (
                        "La protection vient des institutions (« du haut vers le bas ») ; l'autonomisation vient "
                        "des personnes et des communautés (« du bas vers le haut ») (Human Security Now, 2003)."
                    ),
                },
                "en": {
                    "text": "Where does protection mainly come from?",
                    "options": {
                        "a": "From institutions: the State and its partners, “top-down”",
                        "b": "From people and communities, “bottom-up”",
                        "c": "From families only",
                        "d": "From the victims themselves, after the exploitation",
                    },
                    "explanation": (
                        "Protection comes from institutions (“top-down”); empowerment comes from people and "
                        "communities (“bottom-up”) (Human Security Now, 2003)."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "SH-14",
                "kind": "true_false",
                "objective": {
                    "fr": "Distinguer la protection et l'autonomisation, et montrer comment elles se complètent.",
                    "en": "Distinguish protection from empowerment, and show how they complement each other.",
                },
                "points": 1,
                "fr": {
                    "text": "La protection seule suffit pour prévenir la traite des personnes.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. Une loi que personne ne connaît protège peu. La protection et l'autonomisation se "
                        "renforcent mutuellement (Human Security Now, 2003)."
                    ),
                },
                "en": {
                    "text": "Protection alone is enough to prevent trafficking in persons.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. A law that nobody knows about protects little. Protection and empowerment "
                        "reinforce each other (Human Security Now, 2003)."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "SH-15",
                "kind": "single",
                "objective": {
                    "fr": "Distinguer la protection et l'autonomisation, et montrer comment elles se complètent.",
                    "en": "Distinguish protection from empowerment, and show how they complement each other.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Dans un village, les habitants sont bien informés sur la traite. Mais il n'existe aucun "
                        "service pour accueillir une personne en danger. Que manque-t-il surtout ?"
                    ),
                    "options": {
                        "a": "Plus d'autonomisation : un autre dialogue communautaire",
                        "b": "La protection : des services vers lesquels orienter la personne",
                        "c": "Rien : une communauté informée n'a besoin de rien d'autre",
                        "d": "Une seule grande réunion publique sur les dangers",
                    },
                    "explanation": (
                        "Une communauté bien informée a besoin de services vers lesquels orienter une personne en "
                        "danger. La protection et l'autonomisation se complètent (Human Security Now, 2003)."
                    ),
                },
                "en": {
                    "text": (
                        "In a village, people are well informed about trafficking. But there is no service to "
                        "receive a person in danger. What is mainly missing?"
                    ),
                    "options": {
                        "a": "More empowerment: another community dialogue",
                        "b": "Protection: services to which the person can be referred",
                        "c": "Nothing: an informed community needs nothing else",
                        "d": "A single large public meeting on the dangers",
                    },
                    "explanation": (
                        "A well-informed community needs services to which it can refer a person in danger. "
                        "Protection and empowerment complement each other (Human Security Now, 2003)."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "SH-16",
                "kind": "ordering",
                "objective": {
                    "fr": (
                        "Analyser une situation de traite des personnes en Guinée avec l'approche de sécurité humaine."
                    ),
                    "en": "Analyse a trafficking situation in Guinea with the human security approach.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Un comité local veut répondre à la traite des personnes dans sa préfecture. Mettez les "
                        "étapes dans l'ordre."
                    ),
                    "options": {
                        "a": (
                            "Réunir les acteurs utiles : action sociale, police, formation professionnelle, radio "
                            "communautaire"
                        ),
                        "b": "Mener une petite enquête auprès des jeunes, des parents et des chefs de quartier",
                        "c": "Agir ensemble, avec un plan commun",
                        "d": "Comprendre les menaces et leurs causes, par exemple de faux recruteurs",
                    },
                    "explanation": (
                        "On analyse d'abord la situation avec les personnes concernées. Puis on réunit les acteurs "
                        "et on agit ensemble (manuel du Fonds des Nations Unies pour la sécurité humaine, 2016)."
                    ),
                },
                "en": {
                    "text": (
                        "A local committee wants to respond to trafficking in persons in its prefecture. Put the "
                        "steps in order."
                    ),
                    "options": {
                        "a": (
                            "Bring together the useful actors: social welfare, police, vocational training, "
                            "community radio"
                        ),
                        "b": "Carry out a small survey with young people, parents and neighbourhood chiefs",
                        "c": "Act together, with a joint plan",
                        "d": "Understand the threats and their causes, for example false recruiters",
                    },
                    "explanation": (
                        "First the situation is analysed with the people concerned. Then the actors are brought "
                        "together and act together (handbook of the UN Trust Fund for Human Security, 2016)."
                    ),
                },
                "key": {
                    "order": ["b", "d", "a", "c"],
                },
            },
            {
                "reference": "SH-17",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Analyser une situation de traite des personnes en Guinée avec l'approche de sécurité humaine."
                    ),
                    "en": "Analyse a trafficking situation in Guinea with the human security approach.",
                },
                "points": 1,
                "fr": {
                    "text": "La traite des personnes porte atteinte aux trois libertés de la sécurité humaine.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. La traite crée la peur (violences, menaces), profite du besoin (pauvreté, dettes) "
                        "et détruit la dignité : la personne est traitée comme une marchandise."
                    ),
                },
                "en": {
                    "text": "Trafficking in persons harms all three freedoms of human security.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. Trafficking creates fear (violence, threats), takes advantage of want (poverty, "
                        "debts) and destroys dignity: the person is treated as a commodity."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "SH-18",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Analyser une situation de traite des personnes en Guinée avec l'approche de sécurité humaine."
                    ),
                    "en": "Analyse a trafficking situation in Guinea with the human security approach.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Pour analyser une situation de traite, le manuel du Fonds des Nations Unies pour la "
                        "sécurité humaine propose des questions simples. Laquelle en fait partie ?"
                    ),
                    "options": {
                        "a": "Quelle famille a été imprudente ?",
                        "b": "Comment interdire aux jeunes de partir ?",
                        "c": "Quel nom donner à la radio pour avertir le village ?",
                        "d": "Qui est le plus exposé, et pourquoi ?",
                    },
                    "explanation": (
                        "Le manuel propose d'analyser les insécurités, leurs causes et leurs liens : qui est le "
                        "plus exposé, quelles menaces se cumulent, quelles protections et quelles forces existent "
                        "déjà. On ne blâme ni la famille ni la victime."
                    ),
                },
                "en": {
                    "text": (
                        "To analyse a trafficking situation, the handbook of the UN Trust Fund for Human Security "
                        "proposes simple questions. Which one is among them?"
                    ),
                    "options": {
                        "a": "Which family was careless?",
                        "b": "How can young people be forbidden to leave?",
                        "c": "Which name should be given on the radio to warn the village?",
                        "d": "Who is most exposed, and why?",
                    },
                    "explanation": (
                        "The handbook proposes to analyse the insecurities, their causes and their links: who is "
                        "most exposed, which threats add up, which protections and strengths already exist. We "
                        "blame neither the family nor the victim."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "SH-19",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Analyser une situation de traite des personnes en Guinée avec l'approche de sécurité humaine."
                    ),
                    "en": "Analyse a trafficking situation in Guinea with the human security approach.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Dans une sous-préfecture de Haute-Guinée, des adolescents quittent l'école pour "
                        "travailler sur des sites d'orpaillage. Des intermédiaires leur promettent de l'argent. "
                        "Quelle réponse suit le mieux l'approche de sécurité humaine ?"
                    ),
                    "options": {
                        "a": "La police ferme les sites, sans parler aux familles ni aux jeunes, puis repart.",
                        "b": "Le comité attend que des cas d'exploitation lui soient signalés avant d'agir.",
                        "c": (
                            "Le comité écoute les jeunes et les familles, puis agit avec l'école, la police et les "
                            "leaders religieux."
                        ),
                        "d": ("Le comité organise une seule grande réunion publique sur les dangers de l'orpaillage."),
                    },
                    "explanation": (
                        "Une bonne réponse est centrée sur les personnes, globale et axée sur la prévention. Elle "
                        "joint la protection et l'autonomisation (résolution 66/290 ; manuel du Fonds des Nations "
                        "Unies pour la sécurité humaine, 2016)."
                    ),
                },
                "en": {
                    "text": (
                        "In a sub-prefecture of Upper Guinea, teenagers leave school to work at artisanal "
                        "gold-mining sites. Middlemen promise them money. Which response best follows the human "
                        "security approach?"
                    ),
                    "options": {
                        "a": (
                            "The police close the sites, without talking to the families or the young people, then "
                            "leave."
                        ),
                        "b": "The committee waits until cases of exploitation are reported to it before acting.",
                        "c": (
                            "The committee listens to the young people and the families, then acts with the "
                            "school, the police and religious leaders."
                        ),
                        "d": "The committee organises a single large public meeting on the dangers of gold mining.",
                    },
                    "explanation": (
                        "A good response is people-centred, comprehensive and prevention-oriented. It combines "
                        "protection and empowerment (resolution 66/290; handbook of the UN Trust Fund for Human "
                        "Security, 2016)."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "SH-20",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Analyser une situation de traite des personnes en Guinée avec l'approche de sécurité humaine."
                    ),
                    "en": "Analyse a trafficking situation in Guinea with the human security approach.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un père de famille de Boké perd son travail et s'endette. Un voisin propose d'emmener son "
                        "fils de 14 ans travailler à l'étranger. Quelle insécurité rend d'abord cette famille plus "
                        "vulnérable ?"
                    ),
                    "options": {
                        "a": "L'insécurité politique",
                        "b": "L'insécurité environnementale",
                        "c": "L'insécurité économique",
                        "d": "Aucune : c'est une chance pour la famille",
                    },
                    "explanation": (
                        "La perte de revenus et la dette créent un besoin dont les recruteurs profitent. Le manuel "
                        "distingue plusieurs insécurités : économique, alimentaire, sanitaire, environnementale, "
                        "personnelle, communautaire et politique."
                    ),
                },
                "en": {
                    "text": (
                        "A father in Boké loses his job and falls into debt. A neighbour offers to take his "
                        "14-year-old son to work abroad. Which insecurity first makes this family more vulnerable?"
                    ),
                    "options": {
                        "a": "Political insecurity",
                        "b": "Environmental insecurity",
                        "c": "Economic insecurity",
                        "d": "None: this is an opportunity for the family",
                    },
                    "explanation": (
                        "Loss of income and debt create a need that recruiters take advantage of. The handbook "
                        "distinguishes several insecurities: economic, food, health, environmental, personal, "
                        "community and political."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
        ],
        "pre": {
            "form": [
                "SH-01",
                "SH-03",
                "SH-06",
                "SH-11",
                "SH-17",
                "SH-05",
                "SH-07",
                "SH-12",
                "SH-20",
                "SH-02",
                "SH-10",
                "SH-14",
                "SH-18",
                "SH-08",
                "SH-15",
                "SH-09",
                "SH-16",
                "SH-19",
            ],
        },
        "post": {
            "form": [
                "SH-01",
                "SH-03",
                "SH-06",
                "SH-11",
                "SH-17",
                "SH-05",
                "SH-07",
                "SH-12",
                "SH-20",
                "SH-02",
                "SH-10",
                "SH-14",
                "SH-18",
                "SH-08",
                "SH-15",
                "SH-09",
                "SH-16",
                "SH-19",
            ],
        },
    },
    "comprendre-la-traite": {
        "title": {
            "fr": "Comprendre la traite des personnes : pré-test et post-test (formes A et B)",
            "en": "Understanding trafficking in persons: pre-test and post-test (forms A and B)",
        },
        "questions": [
            {
                "reference": "CT-01",
                "kind": "single",
                "objective": {
                    "fr": "Expliquer les trois éléments de la définition : l'acte – les moyens – la finalité.",
                    "en": "Explain the three elements of the definition: act – means – purpose.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un homme recrute une jeune femme en la trompant, pour l'exploiter. L'exploitation n'a pas "
                        "encore commencé. Est-ce déjà de la traite des personnes ?"
                    ),
                    "options": {
                        "a": "Non : il faut attendre que l'exploitation commence.",
                        "b": "Oui : le but d'exploitation suffit.",
                        "c": "Non : il faut qu'elle franchisse une frontière.",
                        "d": "Oui, mais seulement si elle porte plainte.",
                    },
                    "explanation": (
                        "Le but d'exploitation suffit : l'exploitation n'a pas besoin d'avoir commencé. Ici, il y "
                        "a un acte (recruter), un moyen (la tromperie) et une finalité (l'exploitation) (Protocole "
                        "de Palerme, art. 3, al. a)."
                    ),
                },
                "en": {
                    "text": (
                        "A man recruits a young woman by deceiving her, in order to exploit her. The exploitation "
                        "has not started yet. Is this already trafficking in persons?"
                    ),
                    "options": {
                        "a": "No: we must wait for the exploitation to start.",
                        "b": "Yes: the aim of exploitation is enough.",
                        "c": "No: she must cross a border.",
                        "d": "Yes, but only if she files a complaint.",
                    },
                    "explanation": (
                        "The aim of exploitation is enough: the exploitation does not need to have started. Here "
                        "there is an act (recruiting), a means (deception) and a purpose (exploitation) (Palermo "
                        "Protocol, art. 3(a))."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "CT-02",
                "kind": "true_false",
                "objective": {
                    "fr": "Reconnaître des indicateurs de traite sans conclure trop vite.",
                    "en": "Recognise indicators of trafficking without jumping to conclusions.",
                },
                "points": 1,
                "fr": {
                    "text": "Les victimes de traite se présentent souvent elles-mêmes comme victimes.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. Les victimes se présentent rarement comme telles : elles peuvent avoir peur ou "
                        "honte, ne pas connaître leurs droits ou ne pas se voir comme victimes. Les indicateurs "
                        "aident à repérer une situation possible (OIT et Commission européenne, 2009)."
                    ),
                },
                "en": {
                    "text": "Victims of trafficking often present themselves as victims.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. Victims rarely present themselves as such: they may be afraid or ashamed, not know "
                        "their rights or not see themselves as victims. Indicators help to spot a possible "
                        "situation (ILO and European Commission, 2009)."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "CT-03",
                "kind": "single",
                "objective": {
                    "fr": "Distinguer la traite des personnes du trafic illicite de migrants.",
                    "en": "Distinguish trafficking in persons from smuggling of migrants.",
                },
                "points": 1,
                "fr": {
                    "text": "Quel crime suppose toujours de franchir une frontière ?",
                    "options": {
                        "a": "La traite des personnes",
                        "b": "Le trafic illicite de migrants",
                        "c": "Les deux",
                        "d": "Aucun des deux",
                    },
                    "explanation": (
                        "Le trafic illicite de migrants suppose toujours l'entrée illégale dans un autre pays. La "
                        "traite des personnes peut avoir lieu à l'intérieur de la Guinée (Protocole contre le "
                        "trafic illicite de migrants, art. 3)."
                    ),
                },
                "en": {
                    "text": "Which crime always involves crossing a border?",
                    "options": {
                        "a": "Trafficking in persons",
                        "b": "Smuggling of migrants",
                        "c": "Both",
                        "d": "Neither",
                    },
                    "explanation": (
                        "Smuggling of migrants always involves illegal entry into another country. Trafficking in "
                        "persons can take place inside Guinea (Protocol against the Smuggling of Migrants, art. "
                        "3)."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "CT-04",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Expliquer pourquoi les moyens ne sont pas exigés pour un enfant, et pourquoi le "
                        "consentement ne compte pas quand des moyens ont été utilisés."
                    ),
                    "en": (
                        "Explain why the means are not required for a child, and why consent does not count when "
                        "means have been used."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "Quand la victime est un enfant, quels éléments suffisent pour parler de traite ?",
                    "options": {
                        "a": "L'acte, les moyens et la finalité",
                        "b": "L'acte et les moyens",
                        "c": "L'acte et la finalité",
                        "d": "Les moyens et la finalité",
                    },
                    "explanation": (
                        "Pour un enfant, l'acte et la finalité suffisent : il n'est pas nécessaire de prouver la "
                        "menace, la force ou la tromperie (Protocole de Palerme, art. 3, al. c)."
                    ),
                },
                "en": {
                    "text": "When the victim is a child, which elements are enough to speak of trafficking?",
                    "options": {
                        "a": "The act, the means and the purpose",
                        "b": "The act and the means",
                        "c": "The act and the purpose",
                        "d": "The means and the purpose",
                    },
                    "explanation": (
                        "For a child, the act and the purpose are enough: there is no need to prove threat, force "
                        "or deception (Palermo Protocol, art. 3(c))."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "CT-05",
                "kind": "matching",
                "objective": {
                    "fr": "Expliquer les trois éléments de la définition : l'acte – les moyens – la finalité.",
                    "en": "Explain the three elements of the definition: act – means – purpose.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Fatou a 20 ans. Reliez chaque fait de son histoire à l'élément de la définition de la traite."
                    ),
                    "left": {
                        "1": "Un homme la transporte de Labé à Conakry.",
                        "2": "Il lui a menti sur le travail proposé.",
                        "3": "À Conakry, on la fait travailler de force, sans salaire.",
                    },
                    "right": {
                        "a": "La finalité",
                        "b": "L'acte",
                        "c": "Le consentement de la victime",
                        "d": "Les moyens",
                    },
                    "explanation": (
                        "Transporter est un acte ; mentir (la tromperie) est un moyen ; le travail forcé est une "
                        "finalité. Le consentement n'est pas un élément de la définition (Protocole de Palerme, "
                        "art. 3, al. a)."
                    ),
                },
                "en": {
                    "text": (
                        "Fatou is 20. Match each fact of her story with the element of the definition of trafficking."
                    ),
                    "left": {
                        "1": "A man transports her from Labé to Conakry.",
                        "2": "He lied to her about the job on offer.",
                        "3": "In Conakry, she is forced to work without pay.",
                    },
                    "right": {
                        "a": "The purpose",
                        "b": "The act",
                        "c": "The victim's consent",
                        "d": "The means",
                    },
                    "explanation": (
                        "Transporting is an act; lying (deception) is a means; forced labour is a purpose. Consent "
                        "is not an element of the definition (Palermo Protocol, art. 3(a))."
                    ),
                },
                "key": {
                    "pairs": {
                        "1": "b",
                        "2": "d",
                        "3": "a",
                    },
                },
            },
            {
                "reference": "CT-06",
                "kind": "ordering",
                "objective": {
                    "fr": "Reconnaître des indicateurs de traite sans conclure trop vite.",
                    "en": "Recognise indicators of trafficking without jumping to conclusions.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Vous n'êtes ni policier ni gendarme. Une jeune fille de votre quartier vous semble en "
                        "difficulté. Mettez vos actions dans l'ordre."
                    ),
                    "options": {
                        "a": "L'orienter vers les services compétents",
                        "b": "Repérer des signes de traite",
                        "c": "Assurer sa sécurité",
                    },
                    "explanation": (
                        "Sauf si enquêter est votre mission officielle, n'interrogez pas la personne et ne "
                        "confrontez pas l'auteur présumé : assurez sa sécurité, puis orientez-la vers les services "
                        "compétents."
                    ),
                },
                "en": {
                    "text": (
                        "You are neither a police officer nor a gendarme. A girl in your neighbourhood seems to be "
                        "in difficulty. Put your actions in order."
                    ),
                    "options": {
                        "a": "Refer her to the competent services",
                        "b": "Spot signs of trafficking",
                        "c": "Ensure her safety",
                    },
                    "explanation": (
                        "Unless investigating is your official duty, do not question the person and do not "
                        "confront the suspected offender: ensure their safety, then refer them to the competent "
                        "services."
                    ),
                },
                "key": {
                    "order": ["b", "c", "a"],
                },
            },
            {
                "reference": "CT-07",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Expliquer pourquoi les moyens ne sont pas exigés pour un enfant, et pourquoi le "
                        "consentement ne compte pas quand des moyens ont été utilisés."
                    ),
                    "en": (
                        "Explain why the means are not required for a child, and why consent does not count when "
                        "means have been used."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un homme de 30 ans accepte un travail dans une plantation. On lui a menti sur le salaire. "
                        "Sur place, on le menace et on ne le paie pas. Le patron dit : « Il était d'accord. » Cet "
                        "accord compte-t-il ?"
                    ),
                    "options": {
                        "a": "Oui : un adulte qui accepte ne peut pas être victime de traite.",
                        "b": "Oui, s'il a signé un papier.",
                        "c": "Non : des moyens ont été utilisés, donc son accord ne compte pas.",
                        "d": "Cela dépend du salaire promis.",
                    },
                    "explanation": (
                        "Pour un adulte, le consentement ne compte pas dès qu'un des moyens a été utilisé : "
                        "tromperie, menace, abus de vulnérabilité… (Protocole de Palerme, art. 3, al. b)."
                    ),
                },
                "en": {
                    "text": (
                        "A 30-year-old man accepts a job on a plantation. He was lied to about the wages. Once "
                        "there, he is threatened and not paid. The boss says: “He agreed.” Does this agreement "
                        "count?"
                    ),
                    "options": {
                        "a": "Yes: an adult who agrees cannot be a victim of trafficking.",
                        "b": "Yes, if he signed a paper.",
                        "c": "No: means were used, so his agreement does not count.",
                        "d": "It depends on the promised wages.",
                    },
                    "explanation": (
                        "For an adult, consent does not count as soon as one of the means has been used: "
                        "deception, threat, abuse of vulnerability… (Palermo Protocol, art. 3(b))."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "CT-08",
                "kind": "single",
                "objective": {
                    "fr": "Distinguer la traite des personnes du trafic illicite de migrants.",
                    "en": "Distinguish trafficking in persons from smuggling of migrants.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Mamadi, 30 ans, paie un homme pour le faire entrer illégalement dans un pays d'Afrique du "
                        "Nord. À l'arrivée, l'homme le laisse et Mamadi continue seul. De quoi s'agit-il ?"
                    ),
                    "options": {
                        "a": "De la traite des personnes",
                        "b": "Du trafic illicite de migrants",
                        "c": "Ni l'un ni l'autre",
                    },
                    "explanation": (
                        "Entrée illégale dans un pays contre paiement, avec l'accord de la personne et sans but "
                        "d'exploitation : c'est un trafic illicite de migrants (Protocole contre le trafic "
                        "illicite de migrants, art. 3)."
                    ),
                },
                "en": {
                    "text": (
                        "Mamadi, 30, pays a man to get him illegally into a country in North Africa. On arrival, "
                        "the man leaves him and Mamadi continues alone. What is this?"
                    ),
                    "options": {
                        "a": "Trafficking in persons",
                        "b": "Smuggling of migrants",
                        "c": "Neither",
                    },
                    "explanation": (
                        "Illegal entry into a country for payment, with the person's agreement and with no aim of "
                        "exploitation: this is smuggling of migrants (Protocol against the Smuggling of Migrants, "
                        "art. 3)."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "CT-09",
                "kind": "single",
                "objective": {
                    "fr": "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
                    "en": "Name the main laws and actors in the fight against trafficking in Guinea.",
                },
                "points": 1,
                "fr": {
                    "text": "En Guinée, quel organe coordonne l'action nationale contre la traite des personnes ?",
                    "options": {
                        "a": "L'OIM",
                        "b": "Le HCR",
                        "c": "Le CNLTPPA",
                        "d": "La gendarmerie",
                    },
                    "explanation": (
                        "Le Comité national de lutte contre la traite des personnes et pratiques assimilées "
                        "(CNLTPPA) coordonne l'action nationale. Il réunit des représentants de l'État et de la "
                        "société civile."
                    ),
                },
                "en": {
                    "text": "In Guinea, which body coordinates national action against trafficking in persons?",
                    "options": {
                        "a": "IOM",
                        "b": "UNHCR",
                        "c": "The CNLTPPA",
                        "d": "The gendarmerie",
                    },
                    "explanation": (
                        "The National Committee against Trafficking in Persons and Assimilated Practices (CNLTPPA) "
                        "coordinates national action. It brings together representatives of the State and of civil "
                        "society."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "CT-10",
                "kind": "multiple",
                "objective": {
                    "fr": "Expliquer les trois éléments de la définition : l'acte – les moyens – la finalité.",
                    "en": "Explain the three elements of the definition: act – means – purpose.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Dans la définition de la traite, quels sont des actes ? Choisissez toutes les bonnes réponses."
                    ),
                    "options": {
                        "a": "Menacer sa famille",
                        "b": "Recruter une personne",
                        "c": "La servitude",
                        "d": "Héberger une personne",
                        "e": "Transférer une personne d'un lieu à un autre",
                    },
                    "explanation": (
                        "Les actes sont : recruter, transporter, transférer, héberger ou accueillir une personne. "
                        "La menace est un moyen ; la servitude est une finalité (Protocole de Palerme, art. 3, al. "
                        "a)."
                    ),
                },
                "en": {
                    "text": ("In the definition of trafficking, which of these are acts? Choose all correct answers."),
                    "options": {
                        "a": "Threatening the person's family",
                        "b": "Recruiting a person",
                        "c": "Servitude",
                        "d": "Harbouring a person",
                        "e": "Transferring a person from one place to another",
                    },
                    "explanation": (
                        "The acts are: recruiting, transporting, transferring, harbouring or receiving a person. "
                        "Threat is a means; servitude is a purpose (Palermo Protocol, art. 3(a))."
                    ),
                },
                "key": {
                    "correct": ["b", "d", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "CT-11",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Expliquer pourquoi les moyens ne sont pas exigés pour un enfant, et pourquoi le "
                        "consentement ne compte pas quand des moyens ont été utilisés."
                    ),
                    "en": (
                        "Explain why the means are not required for a child, and why consent does not count when "
                        "means have been used."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Si les parents d'un enfant étaient d'accord pour son départ, cela peut quand même être de "
                        "la traite."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. Recruter, transporter ou héberger un enfant pour l'exploiter, c'est de la traite, "
                        "même si l'enfant ou ses parents étaient d'accord (Protocole de Palerme, art. 3, al. c)."
                    ),
                },
                "en": {
                    "text": "If a child's parents agreed to the child leaving, it can still be trafficking.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. Recruiting, transporting or harbouring a child in order to exploit them is "
                        "trafficking, even if the child or the parents agreed (Palermo Protocol, art. 3(c))."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "CT-12",
                "kind": "single",
                "objective": {
                    "fr": "Reconnaître des indicateurs de traite sans conclure trop vite.",
                    "en": "Recognise indicators of trafficking without jumping to conclusions.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Au marché, vous voyez un garçon qui travaille tard le soir. Vous ne voyez aucun autre "
                        "signe. Que faites-vous ?"
                    ),
                    "options": {
                        "a": "Vous concluez qu'il est victime de traite.",
                        "b": "Vous l'interrogez en détail tout de suite.",
                        "c": "Vous publiez sa photo pour retrouver sa famille.",
                        "d": "Vous restez attentif : un seul signe ne suffit pas pour conclure.",
                    },
                    "explanation": (
                        "Un indicateur n'est pas une preuve. Un seul signe ne suffit pas pour conclure ; plusieurs "
                        "signes ensemble doivent vous alerter (OIT et Commission européenne, 2009)."
                    ),
                },
                "en": {
                    "text": (
                        "At the market, you see a boy working late in the evening. You see no other sign. What do "
                        "you do?"
                    ),
                    "options": {
                        "a": "You conclude that he is a victim of trafficking.",
                        "b": "You question him in detail straight away.",
                        "c": "You post his photo to find his family.",
                        "d": "You stay alert: a single sign is not enough to draw a conclusion.",
                    },
                    "explanation": (
                        "An indicator is not proof. A single sign is not enough to draw a conclusion; several "
                        "signs together should alert you (ILO and European Commission, 2009)."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "CT-13",
                "kind": "single",
                "objective": {
                    "fr": "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
                    "en": "Name the main laws and actors in the fight against trafficking in Guinea.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Selon le Code pénal de 2016, quand les peines pour traite des personnes sont-elles plus "
                        "lourdes ?"
                    ),
                    "options": {
                        "a": "Quand la victime est un enfant",
                        "b": "Quand la victime a donné son accord",
                        "c": "Quand les faits ont lieu en ville",
                        "d": "Quand la victime est un homme",
                    },
                    "explanation": (
                        "Le Code pénal de 2016 (loi L/2016/059/AN) réprime la traite des personnes, plus "
                        "sévèrement quand la victime est un enfant. Pour l'article exact, adressez-vous à un "
                        "magistrat ou au ministère de la Justice."
                    ),
                },
                "en": {
                    "text": "Under the 2016 Penal Code, when are the penalties for trafficking in persons heavier?",
                    "options": {
                        "a": "When the victim is a child",
                        "b": "When the victim agreed",
                        "c": "When the acts take place in a town",
                        "d": "When the victim is a man",
                    },
                    "explanation": (
                        "The 2016 Penal Code (Law L/2016/059/AN) punishes trafficking in persons, more severely "
                        "when the victim is a child. For the exact article, ask a magistrate or the Ministry of "
                        "Justice."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "CT-14",
                "kind": "true_false",
                "objective": {
                    "fr": "Distinguer la traite des personnes du trafic illicite de migrants.",
                    "en": "Distinguish trafficking in persons from smuggling of migrants.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un trafic illicite de migrants peut devenir de la traite des personnes pendant le voyage."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. Si la personne est contrainte et exploitée en route, le trafic illicite devient de "
                        "la traite des personnes (ONUDC, manuel de lutte contre la traite des personnes, 2008)."
                    ),
                },
                "en": {
                    "text": "Smuggling of migrants can turn into trafficking in persons during the journey.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. If the person is coerced and exploited along the way, smuggling becomes trafficking "
                        "in persons (UNODC, Toolkit to Combat Trafficking in Persons, 2008)."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "CT-15",
                "kind": "multiple",
                "objective": {
                    "fr": "Reconnaître des indicateurs de traite sans conclure trop vite.",
                    "en": "Recognise indicators of trafficking without jumping to conclusions.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Une femme travaille dans un restaurant. Quels faits sont des indicateurs de traite ? "
                        "Choisissez toutes les bonnes réponses."
                    ),
                    "options": {
                        "a": "Elle a été trompée sur le travail ou le salaire.",
                        "b": "Elle peut sortir et rentrer librement.",
                        "c": "Elle doit rembourser une dette qui ne diminue jamais.",
                        "d": "Elle garde elle-même ses papiers d'identité.",
                        "e": "Sa famille reçoit des menaces.",
                    },
                    "explanation": (
                        "Tromperie sur le travail, dette qui ne diminue jamais, menaces contre la famille : ce "
                        "sont des indicateurs. Plusieurs signes ensemble doivent alerter (OIT et Commission "
                        "européenne, 2009 ; ONUDC)."
                    ),
                },
                "en": {
                    "text": (
                        "A woman works in a restaurant. Which facts are indicators of trafficking? Choose all "
                        "correct answers."
                    ),
                    "options": {
                        "a": "She was deceived about the work or the wages.",
                        "b": "She can go out and come back freely.",
                        "c": "She must repay a debt that never goes down.",
                        "d": "She keeps her own identity papers.",
                        "e": "Her family receives threats.",
                    },
                    "explanation": (
                        "Deception about the work, a debt that never goes down, threats against the family: these "
                        "are indicators. Several signs together should alert you (ILO and European Commission, "
                        "2009; UNODC)."
                    ),
                },
                "key": {
                    "correct": ["a", "c", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "CT-16",
                "kind": "short",
                "objective": {
                    "fr": "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
                    "en": "Name the main laws and actors in the fight against trafficking in Guinea.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Donnez le sigle de l'office de la police guinéenne qui enquête notamment sur la traite "
                        "des personnes."
                    ),
                    "accepted": ["OPROGEM", "l'OPROGEM", "l’OPROGEM"],
                    "explanation": (
                        "L'Office de protection du genre, de l'enfance et des mœurs (OPROGEM) est un office de la "
                        "police nationale. Il enquête notamment sur les cas de traite ; la gendarmerie intervient "
                        "aussi."
                    ),
                },
                "en": {
                    "text": (
                        "Give the acronym of the Guinean police office that investigates trafficking in persons, "
                        "among other things."
                    ),
                    "accepted": ["OPROGEM", "the OPROGEM"],
                    "explanation": (
                        "The Office for the Protection of Gender, Children and Morals (OPROGEM) is an office of "
                        "the national police. It investigates trafficking cases, among others; the gendarmerie "
                        "also intervenes."
                    ),
                },
                "key": {},
            },
            {
                "reference": "CT-17",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Expliquer pourquoi les moyens ne sont pas exigés pour un enfant, et pourquoi le "
                        "consentement ne compte pas quand des moyens ont été utilisés."
                    ),
                    "en": (
                        "Explain why the means are not required for a child, and why consent does not count when "
                        "means have been used."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "Pour une victime adulte, quand son accord à l'exploitation ne compte-t-il pas ?",
                    "options": {
                        "a": "Seulement si elle a franchi une frontière",
                        "b": "Seulement si l'exploitation a duré plus d'un an",
                        "c": "Jamais : l'accord d'un adulte compte toujours",
                        "d": "Dès qu'un des moyens de la définition a été utilisé",
                    },
                    "explanation": (
                        "Pour un adulte, le consentement à l'exploitation ne compte pas dès qu'un des moyens a été "
                        "utilisé : tromperie, menace, abus de vulnérabilité… (Protocole de Palerme, art. 3, al. "
                        "b)."
                    ),
                },
                "en": {
                    "text": "For an adult victim, when does their agreement to the exploitation not count?",
                    "options": {
                        "a": "Only if they crossed a border",
                        "b": "Only if the exploitation lasted more than a year",
                        "c": "Never: an adult's agreement always counts",
                        "d": "As soon as one of the means in the definition has been used",
                    },
                    "explanation": (
                        "For an adult, consent to the exploitation does not count as soon as one of the means has "
                        "been used: deception, threat, abuse of vulnerability… (Palermo Protocol, art. 3(b))."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "CT-18",
                "kind": "single",
                "objective": {
                    "fr": "Distinguer la traite des personnes du trafic illicite de migrants.",
                    "en": "Distinguish trafficking in persons from smuggling of migrants.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Awa, 14 ans, quitte son village de Moyenne-Guinée avec une femme qui promet de l'envoyer "
                        "à l'école à Labé. À Labé, Awa travaille chez cette femme jour et nuit, sans salaire. De "
                        "quoi s'agit-il ?"
                    ),
                    "options": {
                        "a": "De la traite des personnes",
                        "b": "Du trafic illicite de migrants",
                        "c": "Ni l'un ni l'autre",
                    },
                    "explanation": (
                        "Awa est une enfant : l'acte et le but d'exploitation suffisent. La traite peut avoir lieu "
                        "à l'intérieur de la Guinée, sans frontière (Protocole de Palerme, art. 3)."
                    ),
                },
                "en": {
                    "text": (
                        "Awa, 14, leaves her village in Middle Guinea with a woman who promises to send her to "
                        "school in Labé. In Labé, Awa works in this woman's home day and night, without pay. What "
                        "is this?"
                    ),
                    "options": {
                        "a": "Trafficking in persons",
                        "b": "Smuggling of migrants",
                        "c": "Neither",
                    },
                    "explanation": (
                        "Awa is a child: the act and the aim of exploitation are enough. Trafficking can take "
                        "place inside Guinea, without a border (Palermo Protocol, art. 3)."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "CT-19",
                "kind": "single",
                "objective": {
                    "fr": "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
                    "en": "Name the main laws and actors in the fight against trafficking in Guinea.",
                },
                "points": 1,
                "fr": {
                    "text": "En Guinée, quel service enquête notamment sur les cas de traite des personnes ?",
                    "options": {
                        "a": "L'OIM",
                        "b": "L'OPROGEM",
                        "c": "Le HCR",
                        "d": "L'action sociale",
                    },
                    "explanation": (
                        "L'Office de protection du genre, de l'enfance et des mœurs (OPROGEM), office de la "
                        "police, enquête notamment sur les cas de traite. La gendarmerie intervient aussi."
                    ),
                },
                "en": {
                    "text": "In Guinea, which service investigates cases of trafficking in persons, among others?",
                    "options": {
                        "a": "IOM",
                        "b": "The OPROGEM",
                        "c": "UNHCR",
                        "d": "The social welfare services",
                    },
                    "explanation": (
                        "The Office for the Protection of Gender, Children and Morals (OPROGEM), a police office, "
                        "investigates trafficking cases, among others. The gendarmerie also intervenes."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "CT-20",
                "kind": "multiple",
                "objective": {
                    "fr": "Expliquer les trois éléments de la définition : l'acte – les moyens – la finalité.",
                    "en": "Explain the three elements of the definition: act – means – purpose.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Dans la définition de la traite, quels sont des moyens ? Choisissez toutes les bonnes "
                        "réponses."
                    ),
                    "options": {
                        "a": "Accueillir une personne",
                        "b": "La menace",
                        "c": "Le prélèvement d'organes",
                        "d": "L'enlèvement",
                        "e": "L'abus d'une situation de vulnérabilité",
                    },
                    "explanation": (
                        "Les moyens sont : la menace, la force ou d'autres formes de contrainte, l'enlèvement, la "
                        "fraude, la tromperie, l'abus d'autorité ou d'une situation de vulnérabilité, ou de "
                        "l'argent donné à une personne qui a autorité sur la victime. Accueillir est un acte ; le "
                        "prélèvement d'organes est une finalité (Protocole de Palerme, art. 3, al. a)."
                    ),
                },
                "en": {
                    "text": ("In the definition of trafficking, which of these are means? Choose all correct answers."),
                    "options": {
                        "a": "Receiving a person",
                        "b": "Threat",
                        "c": "The removal of organs",
                        "d": "Abduction",
                        "e": "Abuse of a position of vulnerability",
                    },
                    "explanation": (
                        "The means are: threat, force or other forms of coercion, abduction, fraud, deception, "
                        "abuse of power or of a position of vulnerability, or money given to a person who has "
                        "control over the victim. Receiving is an act; the removal of organs is a purpose (Palermo "
                        "Protocol, art. 3(a))."
                    ),
                },
                "key": {
                    "correct": ["b", "d", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "CT-21",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Expliquer pourquoi les moyens ne sont pas exigés pour un enfant, et pourquoi le "
                        "consentement ne compte pas quand des moyens ont été utilisés."
                    ),
                    "en": (
                        "Explain why the means are not required for a child, and why consent does not count when "
                        "means have been used."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "Selon le Protocole de Palerme, une personne de 17 ans est un enfant.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. Un enfant est toute personne âgée de moins de 18 ans (Protocole de Palerme, art. 3, "
                        "al. d)."
                    ),
                },
                "en": {
                    "text": "Under the Palermo Protocol, a 17-year-old is a child.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": ("True. A child is any person under 18 years of age (Palermo Protocol, art. 3(d))."),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "CT-22",
                "kind": "single",
                "objective": {
                    "fr": "Reconnaître des indicateurs de traite sans conclure trop vite.",
                    "en": "Recognise indicators of trafficking without jumping to conclusions.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Binta, 16 ans, travaille comme domestique à Kindia. Quel fait est un indicateur de traite ?"
                    ),
                    "options": {
                        "a": "Elle a un téléphone portable.",
                        "b": "Elle va au marché le matin.",
                        "c": "Sa patronne garde ses papiers d'identité.",
                        "d": "Elle envoie des nouvelles à sa mère.",
                    },
                    "explanation": (
                        "Quand quelqu'un d'autre garde les papiers d'identité d'une personne, c'est un indicateur "
                        "de traite. Un indicateur n'est pas une preuve : on cherche plusieurs signes (OIT et "
                        "Commission européenne, 2009)."
                    ),
                },
                "en": {
                    "text": (
                        "Binta, 16, works as a domestic worker in Kindia. Which fact is an indicator of trafficking?"
                    ),
                    "options": {
                        "a": "She has a mobile phone.",
                        "b": "She goes to the market in the morning.",
                        "c": "Her employer keeps her identity papers.",
                        "d": "She sends news to her mother.",
                    },
                    "explanation": (
                        "When someone else keeps a person's identity papers, it is an indicator of trafficking. An "
                        "indicator is not proof: look for several signs (ILO and European Commission, 2009)."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "CT-23",
                "kind": "single",
                "objective": {
                    "fr": "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
                    "en": "Name the main laws and actors in the fight against trafficking in Guinea.",
                },
                "points": 1,
                "fr": {
                    "text": "La Guinée est partie au Protocole de Palerme. À quoi s'est-elle engagée ?",
                    "options": {
                        "a": "À fermer ses frontières à tous les migrants",
                        "b": "À punir seulement le trafic illicite de migrants",
                        "c": "À interdire aux jeunes de quitter le pays",
                        "d": "À punir la traite, protéger les victimes et prévenir la traite",
                    },
                    "explanation": (
                        "En devenant partie au Protocole de Palerme, la Guinée s'est engagée à punir la traite des "
                        "personnes, à protéger les victimes et à prévenir la traite."
                    ),
                },
                "en": {
                    "text": "Guinea is a party to the Palermo Protocol. What has it committed to?",
                    "options": {
                        "a": "To close its borders to all migrants",
                        "b": "To punish only the smuggling of migrants",
                        "c": "To forbid young people to leave the country",
                        "d": "To punish trafficking, protect victims and prevent trafficking",
                    },
                    "explanation": (
                        "By becoming a party to the Palermo Protocol, Guinea committed to punishing trafficking in "
                        "persons, protecting victims and preventing trafficking."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "CT-24",
                "kind": "true_false",
                "objective": {
                    "fr": "Distinguer la traite des personnes du trafic illicite de migrants.",
                    "en": "Distinguish trafficking in persons from smuggling of migrants.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "La traite des personnes et le trafic illicite de migrants sont définis par le même protocole."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. Ce sont deux crimes différents, définis par deux protocoles adoptés en 2000 avec la "
                        "Convention des Nations Unies contre la criminalité transnationale organisée."
                    ),
                },
                "en": {
                    "text": "Trafficking in persons and smuggling of migrants are defined by the same protocol.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. They are two different crimes, defined by two protocols adopted in 2000 together "
                        "with the United Nations Convention against Transnational Organized Crime."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "CT-25",
                "kind": "multiple",
                "objective": {
                    "fr": "Reconnaître des indicateurs de traite sans conclure trop vite.",
                    "en": "Recognise indicators of trafficking without jumping to conclusions.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Un jeune homme travaille sur un chantier. Quels faits sont des indicateurs de traite ? "
                        "Choisissez toutes les bonnes réponses."
                    ),
                    "options": {
                        "a": "Il rentre chez lui chaque soir.",
                        "b": "Il ne peut pas parler seul à quelqu'un.",
                        "c": "Il travaille de très longues heures, presque sans salaire.",
                        "d": "Il a un contrat écrit dans sa langue.",
                        "e": "Il subit des violences.",
                    },
                    "explanation": (
                        "Ne pas pouvoir parler seul à quelqu'un, travailler de très longues heures presque sans "
                        "salaire, subir des violences : ce sont des indicateurs. Plusieurs signes ensemble doivent "
                        "alerter (OIT et Commission européenne, 2009 ; ONUDC)."
                    ),
                },
                "en": {
                    "text": (
                        "A young man works on a building site. Which facts are indicators of trafficking? Choose "
                        "all correct answers."
                    ),
                    "options": {
                        "a": "He goes home every evening.",
                        "b": "He cannot speak to anyone alone.",
                        "c": "He works very long hours, for almost no pay.",
                        "d": "He has a written contract in his language.",
                        "e": "He suffers violence.",
                    },
                    "explanation": (
                        "Not being able to speak to anyone alone, working very long hours for almost no pay, "
                        "suffering violence: these are indicators. Several signs together should alert you (ILO "
                        "and European Commission, 2009; UNODC)."
                    ),
                },
                "key": {
                    "correct": ["b", "c", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "CT-26",
                "kind": "short",
                "objective": {
                    "fr": "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
                    "en": "Name the main laws and actors in the fight against trafficking in Guinea.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Donnez le sigle du comité national qui coordonne la lutte contre la traite des personnes "
                        "en Guinée."
                    ),
                    "accepted": ["CNLTPPA", "le CNLTPPA"],
                    "explanation": (
                        "Le Comité national de lutte contre la traite des personnes et pratiques assimilées "
                        "(CNLTPPA) coordonne l'action nationale contre la traite."
                    ),
                },
                "en": {
                    "text": (
                        "Give the acronym of the national committee that coordinates the fight against trafficking "
                        "in persons in Guinea."
                    ),
                    "accepted": ["CNLTPPA", "the CNLTPPA"],
                    "explanation": (
                        "The National Committee against Trafficking in Persons and Assimilated Practices (CNLTPPA) "
                        "coordinates national action against trafficking."
                    ),
                },
                "key": {},
            },
            {
                "reference": "CT-27",
                "kind": "single",
                "objective": {
                    "fr": "Citer les principaux textes et acteurs de la lutte contre la traite en Guinée.",
                    "en": "Name the main laws and actors in the fight against trafficking in Guinea.",
                },
                "points": 1,
                "fr": {
                    "text": "En Guinée, qui poursuit et juge les auteurs de traite des personnes ?",
                    "options": {
                        "a": "La justice",
                        "b": "Les organisations de la société civile",
                        "c": "L'OIM",
                        "d": "Les services sociaux",
                    },
                    "explanation": (
                        "La justice poursuit et juge les auteurs. Le CNLTPPA coordonne ; l'OPROGEM et la "
                        "gendarmerie enquêtent ; les services sociaux et les partenaires protègent."
                    ),
                },
                "en": {
                    "text": "In Guinea, who prosecutes and tries those who commit trafficking in persons?",
                    "options": {
                        "a": "The justice system",
                        "b": "Civil society organisations",
                        "c": "IOM",
                        "d": "The social services",
                    },
                    "explanation": (
                        "The justice system prosecutes and tries offenders. The CNLTPPA coordinates; the OPROGEM "
                        "and the gendarmerie investigate; social services and partners protect."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "CT-28",
                "kind": "single",
                "objective": {
                    "fr": "Distinguer la traite des personnes du trafic illicite de migrants.",
                    "en": "Distinguish trafficking in persons from smuggling of migrants.",
                },
                "points": 1,
                "fr": {
                    "text": "Dans le trafic illicite de migrants, que se passe-t-il en général à l'arrivée ?",
                    "options": {
                        "a": "Le passeur exploite la personne pendant des années.",
                        "b": "La relation avec le passeur s'arrête.",
                        "c": "Le passeur garde les papiers de la personne pour la contrôler.",
                        "d": "La personne doit travailler sans salaire pour le passeur.",
                    },
                    "explanation": (
                        "Dans le trafic illicite, la relation s'arrête en général à l'arrivée. Dans la traite, le "
                        "but est d'exploiter la personne (ONUDC, manuel de lutte contre la traite des personnes, "
                        "2008)."
                    ),
                },
                "en": {
                    "text": "In smuggling of migrants, what usually happens on arrival?",
                    "options": {
                        "a": "The smuggler exploits the person for years.",
                        "b": "The relationship with the smuggler ends.",
                        "c": "The smuggler keeps the person's papers to control them.",
                        "d": "The person must work without pay for the smuggler.",
                    },
                    "explanation": (
                        "In smuggling, the relationship usually ends on arrival. In trafficking, the aim is to "
                        "exploit the person (UNODC, Toolkit to Combat Trafficking in Persons, 2008)."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "CT-29",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Expliquer pourquoi les moyens ne sont pas exigés pour un enfant, et pourquoi le "
                        "consentement ne compte pas quand des moyens ont été utilisés."
                    ),
                    "en": (
                        "Explain why the means are not required for a child, and why consent does not count when "
                        "means have been used."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Lansana, 12 ans, est confié par ses parents à un homme qui promet de l'inscrire à "
                        "l'école. En ville, Lansana travaille toute la journée dans un garage, sans salaire. "
                        "Faut-il prouver une tromperie pour parler de traite ?"
                    ),
                    "options": {
                        "a": "Non : pour un enfant, l'acte et la finalité suffisent.",
                        "b": "Oui : sans tromperie prouvée, ce n'est pas de la traite.",
                        "c": "Oui, car ses parents étaient d'accord.",
                        "d": "Non, mais il faut prouver qu'il a franchi une frontière.",
                    },
                    "explanation": (
                        "Pour un enfant, les moyens ne sont pas exigés : l'acte et la finalité suffisent, même si "
                        "les parents étaient d'accord (Protocole de Palerme, art. 3, al. c)."
                    ),
                },
                "en": {
                    "text": (
                        "Lansana, 12, is entrusted by his parents to a man who promises to enrol him in school. In "
                        "town, Lansana works all day in a garage, without pay. Must deception be proved to speak "
                        "of trafficking?"
                    ),
                    "options": {
                        "a": "No: for a child, the act and the purpose are enough.",
                        "b": "Yes: without proven deception, it is not trafficking.",
                        "c": "Yes, because his parents agreed.",
                        "d": "No, but it must be proved that he crossed a border.",
                    },
                    "explanation": (
                        "For a child, the means are not required: the act and the purpose are enough, even if the "
                        "parents agreed (Palermo Protocol, art. 3(c))."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "CT-30",
                "kind": "single",
                "objective": {
                    "fr": "Reconnaître des indicateurs de traite sans conclure trop vite.",
                    "en": "Recognise indicators of trafficking without jumping to conclusions.",
                },
                "points": 1,
                "fr": {
                    "text": "Qui a pour mission officielle d'enquêter sur une situation possible de traite ?",
                    "options": {
                        "a": "Une commerçante du marché",
                        "b": "Un leader religieux",
                        "c": "Une association de jeunes",
                        "d": "La police ou la gendarmerie",
                    },
                    "explanation": (
                        "Sauf si enquêter est votre mission officielle (police, gendarmerie), n'interrogez pas la "
                        "personne et ne confrontez pas l'auteur présumé : assurez sa sécurité et orientez-la vers "
                        "les services compétents."
                    ),
                },
                "en": {
                    "text": "Whose official duty is it to investigate a possible trafficking situation?",
                    "options": {
                        "a": "A market trader",
                        "b": "A religious leader",
                        "c": "A youth association",
                        "d": "The police or the gendarmerie",
                    },
                    "explanation": (
                        "Unless investigating is your official duty (police, gendarmerie), do not question the "
                        "person and do not confront the suspected offender: ensure their safety and refer them to "
                        "the competent services."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
        ],
        # Parallel forms: the six anchors sit at positions 1, 4, 7, 10, 13 and 16 in both forms; at every other
        # position, A and B test the same objective with the same kind of question.
        "forms": {
            "A": [
                "CT-01",
                "CT-07",
                "CT-08",
                "CT-02",
                "CT-09",
                "CT-10",
                "CT-03",
                "CT-11",
                "CT-12",
                "CT-04",
                "CT-13",
                "CT-14",
                "CT-05",
                "CT-15",
                "CT-16",
                "CT-06",
            ],
            "B": [
                "CT-01",
                "CT-17",
                "CT-18",
                "CT-02",
                "CT-19",
                "CT-20",
                "CT-03",
                "CT-21",
                "CT-22",
                "CT-04",
                "CT-23",
                "CT-24",
                "CT-05",
                "CT-25",
                "CT-26",
                "CT-06",
            ],
        },
        "anchors": ["CT-01", "CT-02", "CT-03", "CT-04", "CT-05", "CT-06"],
    },
    "outils-de-protection": {
        "title": {
            "fr": "Outils de protection pour les acteurs de première ligne : pré-test et post-test",
            "en": "Protection tools for front-line actors: pre-test and post-test",
        },
        "questions": [
            {
                "reference": "OP-01",
                "kind": "single",
                "objective": {
                    "fr": "Mener un premier contact sûr avec une victime possible de traite.",
                    "en": "Conduct a safe first contact with a possible victim of trafficking.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Selon le manuel de l'OIM sur l'assistance directe (2007), qu'est-ce qui passe avant tout, "
                        "même avant les questions ?"
                    ),
                    "options": {
                        "a": "Le rapport complet sur le cas",
                        "b": "L'arrestation de l'auteur présumé",
                        "c": "La plainte en justice",
                        "d": "La sécurité de la personne",
                    },
                    "explanation": (
                        "La sécurité de la personne passe avant tout, avant même les questions (OIM, manuel sur "
                        "l'assistance directe aux victimes de traite, 2007)."
                    ),
                },
                "en": {
                    "text": (
                        "According to the IOM handbook on direct assistance (2007), what comes first, even before "
                        "questions?"
                    ),
                    "options": {
                        "a": "The full report on the case",
                        "b": "The arrest of the suspected offender",
                        "c": "The complaint to the courts",
                        "d": "The person's safety",
                    },
                    "explanation": (
                        "The person's safety comes first, even before questions (IOM Handbook on Direct Assistance "
                        "for Victims of Trafficking, 2007)."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "OP-02",
                "kind": "single",
                "objective": {
                    "fr": "Mener un premier contact sûr avec une victime possible de traite.",
                    "en": "Conduct a safe first contact with a possible victim of trafficking.",
                },
                "points": 1,
                "fr": {
                    "text": "Où mener un premier entretien avec une victime possible de traite ?",
                    "options": {
                        "a": "Dans un lieu calme et privé, loin des personnes qui la contrôlent",
                        "b": "Devant son employeur, pour entendre les deux versions",
                        "c": "Au marché, devant des témoins",
                        "d": "Chez la personne qui l'héberge",
                    },
                    "explanation": (
                        "Avant l'entretien, on évalue les risques et on choisit un lieu calme et privé, loin des "
                        "personnes qui contrôlent la victime (OIM, 2007)."
                    ),
                },
                "en": {
                    "text": "Where should a first interview with a possible victim of trafficking take place?",
                    "options": {
                        "a": "In a quiet, private place, away from the people who control them",
                        "b": "In front of their employer, to hear both sides",
                        "c": "At the market, in front of witnesses",
                        "d": "At the home of the person who houses them",
                    },
                    "explanation": (
                        "Before the interview, assess the risks and choose a quiet, private place, away from the "
                        "people who control the victim (IOM, 2007)."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "OP-03",
                "kind": "multiple",
                "objective": {
                    "fr": "Mener un premier contact sûr avec une victime possible de traite.",
                    "en": "Conduct a safe first contact with a possible victim of trafficking.",
                },
                "points": 2,
                "fr": {
                    "text": ("Pendant un premier entretien, que faites-vous ? Choisissez toutes les bonnes réponses."),
                    "options": {
                        "a": "Poser toutes les questions possibles pour un rapport complet",
                        "b": "Répondre d'abord aux besoins urgents : soins, eau, nourriture, repos",
                        "c": "Promettre que tout sera réglé rapidement",
                        "d": "Expliquer votre rôle avec des mots simples, dans sa langue",
                        "e": "La laisser refuser de répondre ou arrêter l'entretien",
                    },
                    "explanation": (
                        "On répond d'abord aux besoins urgents, on explique son rôle, on pose peu de questions et "
                        "on ne promet rien que l'on ne peut pas tenir (OIM, 2007 ; OMS, 2003)."
                    ),
                },
                "en": {
                    "text": "During a first interview, what do you do? Choose all correct answers.",
                    "options": {
                        "a": "Ask every possible question for a full report",
                        "b": "First meet urgent needs: health care, water, food, rest",
                        "c": "Promise that everything will be sorted out quickly",
                        "d": "Explain your role in simple words, in their language",
                        "e": "Let them refuse to answer or stop the interview",
                    },
                    "explanation": (
                        "First meet urgent needs, explain your role, ask few questions and promise nothing you "
                        "cannot deliver (IOM, 2007; WHO, 2003)."
                    ),
                },
                "key": {
                    "correct": ["b", "d", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "OP-04",
                "kind": "true_false",
                "objective": {
                    "fr": "Mener un premier contact sûr avec une victime possible de traite.",
                    "en": "Conduct a safe first contact with a possible victim of trafficking.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Pour traduire pendant l'entretien, il vaut mieux demander à une personne de l'entourage "
                        "de la victime."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. Il faut un interprète de confiance, sans lien avec la personne ni avec son "
                        "entourage (OIM, 2007)."
                    ),
                },
                "en": {
                    "text": ("To interpret during the interview, it is best to ask someone from the victim's circle."),
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. You need a trusted interpreter, with no link to the person or to those around them "
                        "(IOM, 2007)."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "OP-05",
                "kind": "ordering",
                "objective": {
                    "fr": (
                        "Orienter une personne en sécurité dans le mécanisme national d'orientation, avec son "
                        "consentement éclairé."
                    ),
                    "en": (
                        "Refer a person safely within the national referral mechanism, with their informed consent."
                    ),
                },
                "points": 2,
                "fr": {
                    "text": "Mettez dans l'ordre les étapes d'une orientation sûre.",
                    "options": {
                        "a": "Transmettre seulement les informations utiles au service qui reçoit le cas",
                        "b": "Vérifier que la personne a bien été reçue",
                        "c": "Informer la personne des services possibles et de leurs limites",
                        "d": "Accompagner la personne ou organiser un transport sûr",
                        "e": "Obtenir son consentement éclairé",
                    },
                    "explanation": (
                        "Informer, obtenir le consentement éclairé, partager le minimum, accompagner, puis suivre "
                        "(OIM, orientations sur les mécanismes d'orientation, 2019)."
                    ),
                },
                "en": {
                    "text": "Put the steps of a safe referral in order.",
                    "options": {
                        "a": "Pass on only the information useful to the service receiving the case",
                        "b": "Check that the person was indeed received",
                        "c": "Inform the person about the possible services and their limits",
                        "d": "Accompany the person or arrange safe transport",
                        "e": "Obtain their informed consent",
                    },
                    "explanation": (
                        "Inform, obtain informed consent, share the minimum, accompany, then follow up (IOM "
                        "Guidance on Referral Mechanisms, 2019)."
                    ),
                },
                "key": {
                    "order": ["c", "e", "a", "d", "b"],
                },
            },
            {
                "reference": "OP-06",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Orienter une personne en sécurité dans le mécanisme national d'orientation, avec son "
                        "consentement éclairé."
                    ),
                    "en": (
                        "Refer a person safely within the national referral mechanism, with their informed consent."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "À quoi sert le mécanisme national d'orientation ?",
                    "options": {
                        "a": "À remplacer la police et la justice",
                        "b": "À juger les auteurs de traite",
                        "c": "À organiser la coopération entre les services",
                        "d": "À publier la liste des victimes",
                    },
                    "explanation": (
                        "Aucune organisation ne peut répondre seule à tous les besoins d'une victime. Le mécanisme "
                        "relie ceux qui identifient et ceux qui assistent : qui fait quoi, comment on se transmet "
                        "un cas, et dans quel délai."
                    ),
                },
                "en": {
                    "text": "What is the national referral mechanism for?",
                    "options": {
                        "a": "To replace the police and the courts",
                        "b": "To try traffickers",
                        "c": "To organise cooperation between services",
                        "d": "To publish the list of victims",
                    },
                    "explanation": (
                        "No organisation can meet all of a victim's needs on its own. The mechanism links those "
                        "who identify and those who assist: who does what, how a case is passed on, and how fast."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "OP-07",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Orienter une personne en sécurité dans le mécanisme national d'orientation, avec son "
                        "consentement éclairé."
                    ),
                    "en": (
                        "Refer a person safely within the national referral mechanism, with their informed consent."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Qui peut vous donner les procédures en vigueur et la liste des services de votre préfecture ?"
                    ),
                    "options": {
                        "a": "Un centre de formation professionnelle",
                        "b": "L'ambassade du pays de destination",
                        "c": "Une radio communautaire",
                        "d": "Le CNLTPPA ou les services sociaux",
                    },
                    "explanation": (
                        "Demandez au CNLTPPA ou aux services sociaux les procédures en vigueur et la liste des "
                        "services de votre préfecture."
                    ),
                },
                "en": {
                    "text": "Who can give you the procedures in force and the list of services in your prefecture?",
                    "options": {
                        "a": "A vocational training centre",
                        "b": "The embassy of the destination country",
                        "c": "A community radio station",
                        "d": "The CNLTPPA or the social services",
                    },
                    "explanation": (
                        "Ask the CNLTPPA or the social services for the procedures in force and the list of "
                        "services in your prefecture."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "OP-08",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Orienter une personne en sécurité dans le mécanisme national d'orientation, avec son "
                        "consentement éclairé."
                    ),
                    "en": (
                        "Refer a person safely within the national referral mechanism, with their informed consent."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": "Qu'est-ce que le consentement éclairé ?",
                    "options": {
                        "a": "L'accord de la famille, donné à la place de la personne concernée",
                        "b": "Un accord libre, donné après des explications claires, avec le droit de dire non",
                        "c": "Une signature obtenue rapidement, avant toute explication",
                        "d": "Un accord donné une fois pour toutes, sans droit de changer d'avis",
                    },
                    "explanation": (
                        "Le consentement éclairé est un accord libre, donné après des informations claires, dans "
                        "une langue que la personne comprend, sur ce qui va se passer, les risques et son droit de "
                        "refuser ou de changer d'avis."
                    ),
                },
                "en": {
                    "text": "What is informed consent?",
                    "options": {
                        "a": "The family's agreement, given on behalf of the person concerned",
                        "b": "Free agreement, given after clear explanations, with the right to say no",
                        "c": "A signature obtained quickly, before any explanation",
                        "d": "Agreement given once and for all, with no right to change one's mind",
                    },
                    "explanation": (
                        "Informed consent is free agreement, given after clear information, in a language the "
                        "person understands, about what will happen, the risks and their right to refuse or to "
                        "change their mind."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "OP-09",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Orienter une personne en sécurité dans le mécanisme national d'orientation, avec son "
                        "consentement éclairé."
                    ),
                    "en": (
                        "Refer a person safely within the national referral mechanism, with their informed consent."
                    ),
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Si la vie d'une personne est en danger immédiat, on alerte sans attendre les services "
                        "compétents."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. En cas de danger immédiat, ou s'il s'agit d'un enfant, on alerte sans attendre. On "
                        "explique quand même à la personne ce que l'on fait (OIM, 2019)."
                    ),
                },
                "en": {
                    "text": (
                        "If a person's life is in immediate danger, the competent services are alerted without waiting."
                    ),
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. In case of immediate danger, or if a child is involved, the alert is raised without "
                        "waiting. The person is still told what is being done (IOM, 2019)."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "OP-10",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Appliquer une approche centrée sur la victime, tenant compte des traumatismes, qui ne "
                        "nuit pas."
                    ),
                    "en": "Apply a victim-centred, trauma-informed approach that does no harm.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Une femme raconte ce qu'elle a vécu. Son récit est confus et certains détails changent. "
                        "Quelle attitude tient compte des traumatismes ?"
                    ),
                    "options": {
                        "a": "Conclure qu'elle ment",
                        "b": "Ne pas juger son récit : ce sont des réactions normales",
                        "c": "Lui dire qu'elle doit donner des dates précises",
                        "d": "Arrêter l'assistance jusqu'à ce qu'elle soit claire",
                    },
                    "explanation": (
                        "Après la traite, la peur, les trous de mémoire et la confusion sont des réactions "
                        "normales. On ne juge pas un récit confus ou qui change (OIM, manuel sur la protection et "
                        "l'assistance, 2019)."
                    ),
                },
                "en": {
                    "text": (
                        "A woman tells what she went through. Her account is confused and some details change. "
                        "Which attitude is trauma-informed?"
                    ),
                    "options": {
                        "a": "Concluding that she is lying",
                        "b": "Not judging her account: these are normal reactions",
                        "c": "Telling her she must give exact dates",
                        "d": "Stopping the assistance until she is clear",
                    },
                    "explanation": (
                        "After trafficking, fear, memory gaps and confusion are normal reactions. An account that "
                        "is confused or that changes is not judged (IOM Handbook on Protection and Assistance, "
                        "2019)."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "OP-11",
                "kind": "multiple",
                "objective": {
                    "fr": (
                        "Appliquer une approche centrée sur la victime, tenant compte des traumatismes, qui ne "
                        "nuit pas."
                    ),
                    "en": "Apply a victim-centred, trauma-informed approach that does no harm.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Quelles pratiques tiennent compte des traumatismes ? Choisissez toutes les bonnes réponses."
                    ),
                    "options": {
                        "a": "Exiger un récit complet dès le premier jour",
                        "b": "Expliquer chaque étape à l'avance",
                        "c": "Laisser la personne prendre des pauses",
                        "d": "Faire répéter son récit à chaque nouveau service",
                        "e": "La laisser choisir la personne à qui elle parle",
                    },
                    "explanation": (
                        "Une approche tenant compte des traumatismes explique chaque étape, laisse à la personne "
                        "le contrôle (pauses, choix de l'interlocuteur) et ne lui fait pas répéter son récit (OIM, "
                        "2019)."
                    ),
                },
                "en": {
                    "text": "Which practices are trauma-informed? Choose all correct answers.",
                    "options": {
                        "a": "Demand a complete account on the first day",
                        "b": "Explain each step in advance",
                        "c": "Let the person take breaks",
                        "d": "Make them repeat their account to each new service",
                        "e": "Let them choose the person they speak to",
                    },
                    "explanation": (
                        "A trauma-informed approach explains each step, leaves the person in control (breaks, "
                        "choice of the person they speak to) and does not make them repeat their account (IOM, "
                        "2019)."
                    ),
                },
                "key": {
                    "correct": ["b", "c", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "OP-12",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Appliquer une approche centrée sur la victime, tenant compte des traumatismes, qui ne "
                        "nuit pas."
                    ),
                    "en": "Apply a victim-centred, trauma-informed approach that does no harm.",
                },
                "points": 1,
                "fr": {
                    "text": "Dans une approche centrée sur la victime, qui prend les décisions qui la concernent ?",
                    "options": {
                        "a": "L'intervenant, qui connaît mieux la situation",
                        "b": "Sa famille, à sa place",
                        "c": "La personne elle-même, après avoir été informée",
                        "d": "Le chef de quartier",
                    },
                    "explanation": (
                        "Une approche centrée sur la victime met ses droits, ses besoins, sa sécurité et ses choix "
                        "au centre. La personne est informée et c'est elle qui décide."
                    ),
                },
                "en": {
                    "text": "In a victim-centred approach, who makes the decisions that concern the victim?",
                    "options": {
                        "a": "The worker, who knows the situation better",
                        "b": "The victim's family, on the victim's behalf",
                        "c": "The person themselves, after being informed",
                        "d": "The neighbourhood chief",
                    },
                    "explanation": (
                        "A victim-centred approach puts the person's rights, needs, safety and choices at the "
                        "centre. The person is informed and it is they who decide."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "OP-13",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Appliquer une approche centrée sur la victime, tenant compte des traumatismes, qui ne "
                        "nuit pas."
                    ),
                    "en": "Apply a victim-centred, trauma-informed approach that does no harm.",
                },
                "points": 1,
                "fr": {
                    "text": "Une victime de traite doit porter plainte pour recevoir une assistance.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. L'assistance ne dépend pas d'une plainte. On respecte le choix de la personne, on "
                        "l'informe de ses droits et on continue de l'assister ; elle peut changer d'avis."
                    ),
                },
                "en": {
                    "text": "A victim of trafficking must file a complaint to receive assistance.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. Assistance does not depend on a complaint. The person's choice is respected, they "
                        "are informed of their rights and assistance continues; they can change their mind."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "OP-14",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Appliquer une approche centrée sur la victime, tenant compte des traumatismes, qui ne "
                        "nuit pas."
                    ),
                    "en": "Apply a victim-centred, trauma-informed approach that does no harm.",
                },
                "points": 1,
                "fr": {
                    "text": "Pour « ne pas nuire », quelle question faut-il se poser avant chaque action ?",
                    "options": {
                        "a": "Cette action peut-elle mettre quelqu'un en danger ?",
                        "b": "Cette action sera-t-elle rapide ?",
                        "c": "Cette action plaira-t-elle à mon chef ?",
                        "d": "Cette action est-elle facile à faire ?",
                    },
                    "explanation": (
                        "Avant chaque action, on se demande si elle peut mettre en danger la personne, sa famille "
                        "ou d'autres personnes. Si oui, on cherche une autre solution (OMS, 2003)."
                    ),
                },
                "en": {
                    "text": "To “do no harm”, which question should you ask yourself before each action?",
                    "options": {
                        "a": "Could this action put anyone in danger?",
                        "b": "Will this action be quick?",
                        "c": "Will my boss like this action?",
                        "d": "Is this action easy to do?",
                    },
                    "explanation": (
                        "Before each action, ask whether it could put the person, their family or other people in "
                        "danger. If so, look for another solution (WHO, 2003)."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "OP-15",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Placer l'intérêt supérieur de l'enfant au centre de chaque décision qui concerne un enfant."
                    ),
                    "en": "Put the best interests of the child at the centre of every decision concerning a child.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Selon la Convention relative aux droits de l'enfant, quelle place a l'intérêt supérieur "
                        "de l'enfant dans les décisions qui le concernent ?"
                    ),
                    "options": {
                        "a": "Une considération primordiale",
                        "b": "Un point secondaire, après l'enquête",
                        "c": "Une question réservée à la famille",
                        "d": "Un point utile seulement pour les enfants réfugiés",
                    },
                    "explanation": (
                        "Dans toutes les décisions qui concernent un enfant, son intérêt supérieur doit être une "
                        "considération primordiale (Convention relative aux droits de l'enfant, art. 3)."
                    ),
                },
                "en": {
                    "text": (
                        "Under the Convention on the Rights of the Child, what place do the best interests of the "
                        "child have in the decisions concerning the child?"
                    ),
                    "options": {
                        "a": "A primary consideration",
                        "b": "A secondary point, after the investigation",
                        "c": "A matter for the family alone",
                        "d": "A point that matters only for refugee children",
                    },
                    "explanation": (
                        "In all decisions concerning a child, the best interests of the child must be a primary "
                        "consideration (Convention on the Rights of the Child, art. 3)."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "OP-16",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Placer l'intérêt supérieur de l'enfant au centre de chaque décision qui concerne un enfant."
                    ),
                    "en": "Put the best interests of the child at the centre of every decision concerning a child.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un agent de police rencontre une jeune fille sans papiers. Elle dit avoir 19 ans, mais "
                        "elle paraît beaucoup plus jeune. Que fait-il ?"
                    ),
                    "options": {
                        "a": "Il la traite comme une adulte, puisqu'elle le dit.",
                        "b": "Il attend qu'elle montre des papiers avant d'agir.",
                        "c": "Il la renvoie tout de suite dans sa famille.",
                        "d": "Il la traite comme une enfant en attendant de vérifier son âge.",
                    },
                    "explanation": (
                        "Si l'âge est incertain et qu'il y a des raisons de penser que c'est un enfant, on le "
                        "traite comme un enfant en attendant de vérifier. C'est une application de l'intérêt "
                        "supérieur de l'enfant (Convention relative aux droits de l'enfant, art. 3)."
                    ),
                },
                "en": {
                    "text": (
                        "A police officer meets a girl with no papers. She says she is 19, but she looks much "
                        "younger. What does he do?"
                    ),
                    "options": {
                        "a": "He treats her as an adult, since she says so.",
                        "b": "He waits for her to show papers before acting.",
                        "c": "He sends her straight back to her family.",
                        "d": "He treats her as a child until her age is checked.",
                    },
                    "explanation": (
                        "If the age is uncertain and there are reasons to think the person is a child, they are "
                        "treated as a child until it is checked. This applies the principle of the best interests "
                        "of the child (Convention on the Rights of the Child, art. 3)."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "OP-17",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Placer l'intérêt supérieur de l'enfant au centre de chaque décision qui concerne un enfant."
                    ),
                    "en": "Put the best interests of the child at the centre of every decision concerning a child.",
                },
                "points": 1,
                "fr": {
                    "text": "Avant de renvoyer un enfant dans sa famille, il faut vérifier que c'est sûr pour lui.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. On ne renvoie pas un enfant dans sa famille sans avoir vérifié que c'est sûr pour "
                        "lui : son intérêt supérieur guide la décision (Convention relative aux droits de "
                        "l'enfant, art. 3)."
                    ),
                },
                "en": {
                    "text": "Before sending a child back to their family, you must check that it is safe for them.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. A child is not sent back to their family without checking that it is safe for them: "
                        "the child's best interests guide the decision (Convention on the Rights of the Child, "
                        "art. 3)."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "OP-18",
                "kind": "short",
                "objective": {
                    "fr": (
                        "Placer l'intérêt supérieur de l'enfant au centre de chaque décision qui concerne un enfant."
                    ),
                    "en": "Put the best interests of the child at the centre of every decision concerning a child.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Selon la Convention relative aux droits de l'enfant, un enfant est une personne de moins "
                        "de combien d'ans ?"
                    ),
                    "accepted": ["18", "18 ans", "dix-huit", "dix-huit ans", "dix huit", "dix huit ans"],
                    "explanation": (
                        "Un enfant est toute personne de moins de 18 ans (Convention relative aux droits de "
                        "l'enfant, art. 1)."
                    ),
                },
                "en": {
                    "text": "Under the Convention on the Rights of the Child, a child is a person under what age?",
                    "accepted": [
                        "18",
                        "18 years",
                        "18 years old",
                        "eighteen",
                        "eighteen years",
                        "eighteen years old",
                    ],
                    "explanation": ("A child is any person under 18 (Convention on the Rights of the Child, art. 1)."),
                },
                "key": {},
            },
            {
                "reference": "OP-19",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Placer l'intérêt supérieur de l'enfant au centre de chaque décision qui concerne un enfant."
                    ),
                    "en": "Put the best interests of the child at the centre of every decision concerning a child.",
                },
                "points": 1,
                "fr": {
                    "text": "Un enfant réfugié est peut-être victime de traite. Qui faut-il aussi informer ?",
                    "options": {
                        "a": "L'ambassade de son pays d'origine",
                        "b": "Le HCR",
                        "c": "La personne qui l'a amené",
                        "d": "Une radio communautaire",
                    },
                    "explanation": (
                        "Si l'enfant est réfugié ou demandeur d'asile, informez aussi le HCR. Ses lignes "
                        "directrices de 2021 décrivent la procédure de l'intérêt supérieur de l'enfant."
                    ),
                },
                "en": {
                    "text": "A refugee child may be a victim of trafficking. Who must also be informed?",
                    "options": {
                        "a": "The embassy of the child's country of origin",
                        "b": "UNHCR",
                        "c": "The person who brought the child",
                        "d": "A community radio station",
                    },
                    "explanation": (
                        "If the child is a refugee or an asylum-seeker, also inform UNHCR. Its 2021 guidelines "
                        "describe the best interests procedure."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "OP-20",
                "kind": "matching",
                "objective": {
                    "fr": "Protéger la confidentialité et les données personnelles.",
                    "en": "Protect confidentiality and personal data.",
                },
                "points": 2,
                "fr": {
                    "text": "Reliez chaque principe de protection des données à ce qu'il veut dire.",
                    "left": {
                        "1": "But précis",
                        "2": "Minimum nécessaire",
                        "3": "Sécurité",
                        "4": "Conservation",
                    },
                    "right": {
                        "a": "Garder les données le temps nécessaire, puis les détruire de façon sûre",
                        "b": "Collecter des données seulement pour un but clair, expliqué à la personne",
                        "c": "Publier les données pour informer la communauté",
                        "d": "Ne demander que ce qui sert à ce but",
                        "e": "Dossiers sous clé, téléphones protégés par un mot de passe",
                    },
                    "explanation": (
                        "Principes de protection des données de l'OIM (2009), expliqués dans son manuel de 2010 : "
                        "but précis, minimum nécessaire, consentement, confidentialité, sécurité, transfert, "
                        "conservation."
                    ),
                },
                "en": {
                    "text": "Match each data protection principle with what it means.",
                    "left": {
                        "1": "Specific purpose",
                        "2": "Minimum needed",
                        "3": "Security",
                        "4": "Retention",
                    },
                    "right": {
                        "a": "Keep data only as long as needed, then destroy it safely",
                        "b": "Collect data only for a clear purpose, explained to the person",
                        "c": "Publish the data to inform the community",
                        "d": "Ask only for what serves that purpose",
                        "e": "Files under lock and key, phones protected by a password",
                    },
                    "explanation": (
                        "IOM Data Protection Principles (2009), explained in its 2010 manual: specific purpose, "
                        "minimum needed, consent, confidentiality, security, transfer, retention."
                    ),
                },
                "key": {
                    "pairs": {
                        "1": "b",
                        "2": "d",
                        "3": "e",
                        "4": "a",
                    },
                },
            },
            {
                "reference": "OP-21",
                "kind": "short",
                "objective": {
                    "fr": "Protéger la confidentialité et les données personnelles.",
                    "en": "Protect confidentiality and personal data.",
                },
                "points": 1,
                "fr": {
                    "text": ("Dans les listes et les rapports, que faut-il utiliser à la place du nom d'une victime ?"),
                    "accepted": ["code", "un code", "code anonyme", "un code anonyme"],
                    "explanation": (
                        "Au quotidien, on utilise un code plutôt qu'un nom dans les listes et les rapports (OIM, "
                        "manuel de protection des données, 2010)."
                    ),
                },
                "en": {
                    "text": "In lists and reports, what should be used instead of a victim's name?",
                    "accepted": ["code", "a code", "anonymous code", "an anonymous code"],
                    "explanation": (
                        "Every day, use a code rather than a name in lists and reports (IOM Data Protection "
                        "Manual, 2010)."
                    ),
                },
                "key": {},
            },
            {
                "reference": "OP-22",
                "kind": "single",
                "objective": {
                    "fr": "Protéger la confidentialité et les données personnelles.",
                    "en": "Protect confidentiality and personal data.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un collègue veut partager la photo d'une victime dans un groupe de messagerie, « pour "
                        "alerter ». Que faites-vous ?"
                    ),
                    "options": {
                        "a": "Vous l'aidez à la partager largement.",
                        "b": "Vous acceptez, si le nom n'est pas écrit.",
                        "c": "Vous lui demandez de ne pas la partager.",
                        "d": "Vous la partagez seulement avec vos amis proches.",
                    },
                    "explanation": (
                        "On ne partage jamais le nom, la photo ou l'histoire d'une victime sur les réseaux sociaux "
                        "ou dans un groupe de messagerie : cela peut la mettre en danger (OIM, manuel de "
                        "protection des données, 2010)."
                    ),
                },
                "en": {
                    "text": (
                        "A colleague wants to share a victim's photo in a messaging group, “to raise the alarm”. "
                        "What do you do?"
                    ),
                    "options": {
                        "a": "You help them share it widely.",
                        "b": "You agree, as long as the name is not written.",
                        "c": "You ask them not to share it.",
                        "d": "You share it only with your close friends.",
                    },
                    "explanation": (
                        "A victim's name, photo or story is never shared on social media or in a messaging group: "
                        "it can put them in danger (IOM Data Protection Manual, 2010)."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "OP-23",
                "kind": "single",
                "objective": {
                    "fr": "Protéger la confidentialité et les données personnelles.",
                    "en": "Protect confidentiality and personal data.",
                },
                "points": 1,
                "fr": {
                    "text": "Pourquoi une information mal protégée est-elle dangereuse pour une victime ?",
                    "options": {
                        "a": "Elle coûte cher à ranger et à archiver.",
                        "b": "L'auteur peut retrouver la victime et lui faire du mal.",
                        "c": "Elle ralentit le travail des services.",
                        "d": "Elle est dangereuse seulement pour les enfants.",
                    },
                    "explanation": (
                        "Si un auteur apprend où se trouve une victime, ou si son histoire circule, elle peut "
                        "subir des représailles, de la honte ou un rejet. La confidentialité fait partie de la "
                        "protection."
                    ),
                },
                "en": {
                    "text": "Why is poorly protected information dangerous for a victim?",
                    "options": {
                        "a": "It is expensive to file and store.",
                        "b": "The offender may find the victim and harm them.",
                        "c": "It slows down the work of the services.",
                        "d": "It is only dangerous for children.",
                    },
                    "explanation": (
                        "If an offender learns where a victim is, or if their story spreads, they may suffer "
                        "reprisals, shame or rejection. Confidentiality is part of protection."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
        ],
        "pre": {
            "form": [
                "OP-01",
                "OP-04",
                "OP-15",
                "OP-08",
                "OP-12",
                "OP-21",
                "OP-02",
                "OP-09",
                "OP-16",
                "OP-13",
                "OP-22",
                "OP-03",
                "OP-06",
                "OP-10",
                "OP-18",
                "OP-14",
                "OP-20",
                "OP-17",
                "OP-11",
                "OP-05",
            ],
        },
        "post": {
            "form": [
                "OP-01",
                "OP-04",
                "OP-15",
                "OP-08",
                "OP-12",
                "OP-21",
                "OP-02",
                "OP-09",
                "OP-16",
                "OP-13",
                "OP-22",
                "OP-03",
                "OP-06",
                "OP-10",
                "OP-18",
                "OP-14",
                "OP-20",
                "OP-17",
                "OP-11",
                "OP-05",
            ],
        },
    },
    "prevention-communautaire": {
        "title": {
            "fr": ("La prévention communautaire avec les leaders religieux et communautaires : pré-test et post-test"),
            "en": "Community prevention with religious and community leaders: pre-test and post-test",
        },
        "questions": [
            {
                "reference": "PC-01",
                "kind": "single",
                "objective": {
                    "fr": "Donner une information fiable et équilibrée sur la migration sûre.",
                    "en": "Give reliable and balanced information on safe migration.",
                },
                "points": 1,
                "fr": {
                    "text": "Quel est le but de la prévention auprès des personnes qui veulent partir ?",
                    "options": {
                        "a": "Interdire tout départ vers l'étranger",
                        "b": "Faire peur aux jeunes pour qu'ils restent",
                        "c": "Aider chacun à décider en connaissant les risques",
                        "d": "Dire que toute migration est de la traite",
                    },
                    "explanation": (
                        "Le but n'est pas d'interdire le départ ni de faire peur. Le but est que chacun et chacune "
                        "puisse décider en connaissant les risques et les solutions."
                    ),
                },
                "en": {
                    "text": "What is the aim of prevention with people who want to leave?",
                    "options": {
                        "a": "Forbidding any departure abroad",
                        "b": "Frightening young people so that they stay",
                        "c": "Helping everyone to decide while knowing the risks",
                        "d": "Saying that all migration is trafficking",
                    },
                    "explanation": (
                        "The aim is not to forbid departure or to frighten people. The aim is that every person "
                        "can decide while knowing the risks and the options."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "PC-02",
                "kind": "true_false",
                "objective": {
                    "fr": "Donner une information fiable et équilibrée sur la migration sûre.",
                    "en": "Give reliable and balanced information on safe migration.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Selon la Déclaration universelle des droits de l'homme, toute personne a le droit de "
                        "quitter son pays."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. Toute personne a le droit de quitter tout pays, y compris le sien (Déclaration "
                        "universelle des droits de l'homme, art. 13)."
                    ),
                },
                "en": {
                    "text": (
                        "Under the Universal Declaration of Human Rights, everyone has the right to leave their "
                        "country."
                    ),
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. Everyone has the right to leave any country, including their own (Universal "
                        "Declaration of Human Rights, art. 13)."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "PC-03",
                "kind": "multiple",
                "objective": {
                    "fr": "Donner une information fiable et équilibrée sur la migration sûre.",
                    "en": "Give reliable and balanced information on safe migration.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Une personne veut partir travailler à l'étranger. Quels conseils lui donner ? Choisissez "
                        "toutes les bonnes réponses."
                    ),
                    "options": {
                        "a": "Partir sans prévenir sa famille, pour rester discret",
                        "b": "Garder ses papiers sur soi et laisser une copie à sa famille",
                        "c": "Noter les coordonnées de l'ambassade ou du consulat de Guinée",
                        "d": "Signer un contrat dans une langue que l'on ne comprend pas",
                        "e": "Laisser à sa famille le nom et le numéro de la personne qui recrute",
                    },
                    "explanation": (
                        "Messages utiles : garder ses papiers sur soi, demander un contrat écrit dans une langue "
                        "que l'on comprend, laisser ses contacts à sa famille, noter les coordonnées de "
                        "l'ambassade ou du consulat (ONUDC, 2008 ; OIM, Migrants as Messengers)."
                    ),
                },
                "en": {
                    "text": (
                        "A person wants to go and work abroad. Which advice should you give? Choose all correct "
                        "answers."
                    ),
                    "options": {
                        "a": "Leave without telling the family, to stay discreet",
                        "b": "Keep one's papers on oneself and leave a copy with the family",
                        "c": "Write down the contact details of the Guinean embassy or consulate",
                        "d": "Sign a contract in a language one does not understand",
                        "e": "Leave the family the name and number of the recruiter",
                    },
                    "explanation": (
                        "Useful messages: keep your papers on you, ask for a written contract in a language you "
                        "understand, leave your contacts with your family, write down the contact details of the "
                        "embassy or consulate (UNODC, 2008; IOM, Migrants as Messengers)."
                    ),
                },
                "key": {
                    "correct": ["b", "c", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "PC-04",
                "kind": "single",
                "objective": {
                    "fr": "Donner une information fiable et équilibrée sur la migration sûre.",
                    "en": "Give reliable and balanced information on safe migration.",
                },
                "points": 1,
                "fr": {
                    "text": "Qui sont souvent les messagers les plus crédibles dans une communauté ?",
                    "options": {
                        "a": "Des personnes venues de loin, que personne ne connaît",
                        "b": "Ceux que la communauté écoute déjà, comme les imams ou les pasteurs",
                        "c": "Les recruteurs qui proposent du travail à l'étranger",
                        "d": "Seulement des agents de l'État venus de Conakry",
                    },
                    "explanation": (
                        "Les messagers les plus crédibles sont souvent ceux que la communauté écoute déjà : imams, "
                        "prêtres et pasteurs, chefs de quartier, associations de femmes et de jeunes, migrants et "
                        "migrantes de retour."
                    ),
                },
                "en": {
                    "text": "Who are often the most credible messengers in a community?",
                    "options": {
                        "a": "People from far away, whom nobody knows",
                        "b": "Those the community already listens to, such as imams or pastors",
                        "c": "Recruiters who offer jobs abroad",
                        "d": "Only State officials from Conakry",
                    },
                    "explanation": (
                        "The most credible messengers are often those the community already listens to: imams, "
                        "priests and pastors, neighbourhood chiefs, women's and youth associations, returned "
                        "migrants."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "PC-05",
                "kind": "short",
                "objective": {
                    "fr": "Donner une information fiable et équilibrée sur la migration sûre.",
                    "en": "Give reliable and balanced information on safe migration.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Avant de partir, on convient avec sa famille d'un signal secret à utiliser en cas de "
                        "danger. Comment appelle-t-on ce signal ?"
                    ),
                    "accepted": [
                        "mot de code",
                        "un mot de code",
                        "code",
                        "un code",
                        "code secret",
                        "un code secret",
                        "mot secret",
                        "un mot secret",
                    ],
                    "explanation": (
                        "Avant de partir, on convient avec sa famille de donner des nouvelles régulièrement, et "
                        "d'un mot de code en cas de danger."
                    ),
                },
                "en": {
                    "text": (
                        "Before leaving, you agree with your family on a secret signal to use in case of danger. "
                        "What is this signal called?"
                    ),
                    "accepted": [
                        "code word",
                        "a code word",
                        "code",
                        "a code",
                        "secret code",
                        "a secret code",
                        "secret word",
                        "a secret word",
                    ],
                    "explanation": (
                        "Before leaving, agree with your family to send news regularly, and on a code word in case "
                        "of danger."
                    ),
                },
                "key": {},
            },
            {
                "reference": "PC-06",
                "kind": "multiple",
                "objective": {
                    "fr": "Repérer les signes d'une fausse offre d'emploi ou d'études.",
                    "en": "Spot the signs of a false job or study offer.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Quels sont des signes d'alerte d'une fausse offre d'emploi ? Choisissez toutes les bonnes "
                        "réponses."
                    ),
                    "options": {
                        "a": "L'employeur et l'adresse sont connus et faciles à vérifier",
                        "b": "Le salaire promis est très élevé pour un travail simple",
                        "c": "Il faut payer des « frais » pour le travail ou le visa",
                        "d": "Le contrat écrit est dans une langue que l'on comprend",
                        "e": "Il faut partir très vite et garder le secret",
                    },
                    "explanation": (
                        "Signes d'alerte : salaire trop beau, frais à payer, pas de contrat écrit, employeur ou "
                        "adresse vagues, départ rapide et secret, passeport gardé par le recruteur, voyage "
                        "« offert » à rembourser."
                    ),
                },
                "en": {
                    "text": "Which are warning signs of a false job offer? Choose all correct answers.",
                    "options": {
                        "a": "The employer and the address are known and easy to check",
                        "b": "The promised wage is very high for simple work",
                        "c": "“Fees” must be paid for the job or the visa",
                        "d": "The written contract is in a language you understand",
                        "e": "You must leave very quickly and keep it secret",
                    },
                    "explanation": (
                        "Warning signs: a wage that is too good, fees to pay, no written contract, a vague "
                        "employer or address, a quick and secret departure, a passport kept by the recruiter, a "
                        "“free” journey to be repaid."
                    ),
                },
                "key": {
                    "correct": ["b", "c", "e"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "PC-07",
                "kind": "single",
                "objective": {
                    "fr": "Repérer les signes d'une fausse offre d'emploi ou d'études.",
                    "en": "Spot the signs of a false job or study offer.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Ousmane, 20 ans, vit à Labé. Un homme lui promet une place dans un club de football à "
                        "l'étranger. Il veut garder son passeport « pour le protéger » et demande de l'argent pour "
                        "le voyage. Quel est le bon réflexe ?"
                    ),
                    "options": {
                        "a": "Partir vite, avant que la place soit prise",
                        "b": "Donner le passeport, puisque c'est pour le protéger",
                        "c": "Payer seulement la moitié, par prudence",
                        "d": "Vérifier l'offre avant de partir, sans rien payer ni donner son passeport",
                    },
                    "explanation": (
                        "Garder le passeport « pour le protéger » et demander des frais sont des signes d'alerte. "
                        "Le bon réflexe : vérifier avant de partir."
                    ),
                },
                "en": {
                    "text": (
                        "Ousmane, 20, lives in Labé. A man promises him a place in a football club abroad. He "
                        "wants to keep his passport “to protect it” and asks for money for the journey. What is "
                        "the right reflex?"
                    ),
                    "options": {
                        "a": "Leave quickly, before the place is taken",
                        "b": "Hand over the passport, since it is to protect it",
                        "c": "Pay only half, to be careful",
                        "d": "Check the offer before leaving, without paying anything or handing over his passport",
                    },
                    "explanation": (
                        "Keeping the passport “to protect it” and asking for fees are warning signs. The right "
                        "reflex: check before leaving."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "PC-08",
                "kind": "true_false",
                "objective": {
                    "fr": "Repérer les signes d'une fausse offre d'emploi ou d'études.",
                    "en": "Spot the signs of a false job or study offer.",
                },
                "points": 1,
                "fr": {
                    "text": "Un seul signe d'alerte suffit pour prouver qu'une offre est une fraude.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. Un seul signe ne prouve pas une fraude, mais plusieurs signes doivent faire "
                        "réfléchir. Le bon réflexe : vérifier avant de partir."
                    ),
                },
                "en": {
                    "text": "A single warning sign is enough to prove that an offer is a fraud.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. A single sign does not prove fraud, but several signs should make you think. The "
                        "right reflex: check before leaving."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "PC-09",
                "kind": "single",
                "objective": {
                    "fr": "Repérer les signes d'une fausse offre d'emploi ou d'études.",
                    "en": "Spot the signs of a false job or study offer.",
                },
                "points": 1,
                "fr": {
                    "text": "Par qui les recruteurs passent-ils souvent pour gagner la confiance ?",
                    "options": {
                        "a": "Par les services publics de l'emploi",
                        "b": "Par un parent, un ami, un voisin ou les réseaux sociaux",
                        "c": "Seulement par des agences officielles",
                        "d": "Par l'ambassade du pays de destination",
                    },
                    "explanation": (
                        "Les recruteurs utilisent la confiance : ils passent par un parent, un ami, un voisin ou "
                        "les réseaux sociaux."
                    ),
                },
                "en": {
                    "text": "Through whom do recruiters often go to win trust?",
                    "options": {
                        "a": "Through the public employment services",
                        "b": "Through a relative, a friend, a neighbour or social media",
                        "c": "Only through official agencies",
                        "d": "Through the embassy of the destination country",
                    },
                    "explanation": (
                        "Recruiters use trust: they go through a relative, a friend, a neighbour or social media."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
            {
                "reference": "PC-10",
                "kind": "single",
                "objective": {
                    "fr": "Repérer les signes d'une fausse offre d'emploi ou d'études.",
                    "en": "Spot the signs of a false job or study offer.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un recruteur dit : « Le voyage est offert. Tu le rembourseras avec ton salaire. » Qu'en "
                        "pensez-vous ?"
                    ),
                    "options": {
                        "a": "C'est normal pour tous les emplois à l'étranger.",
                        "b": "C'est une bonne affaire : il faut accepter.",
                        "c": "C'est la preuve que l'employeur est honnête.",
                        "d": "C'est un signe d'alerte : la personne part avec une dette.",
                    },
                    "explanation": (
                        "Un voyage « offert », à rembourser plus tard par le travail, fait partie des signes "
                        "d'alerte. Plusieurs signes ensemble doivent faire réfléchir."
                    ),
                },
                "en": {
                    "text": (
                        "A recruiter says: “The journey is free. You will repay it from your wages.” What do you think?"
                    ),
                    "options": {
                        "a": "It is normal for all jobs abroad.",
                        "b": "It is a good deal: you should accept.",
                        "c": "It proves that the employer is honest.",
                        "d": "It is a warning sign: the person leaves with a debt.",
                    },
                    "explanation": (
                        "A “free” journey, to be repaid later through work, is one of the warning signs. Several "
                        "signs together should make you think."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "PC-11",
                "kind": "ordering",
                "objective": {
                    "fr": "Préparer et animer un dialogue communautaire sûr, sans jamais nommer une victime.",
                    "en": "Prepare and run a safe community dialogue, without ever naming a victim.",
                },
                "points": 2,
                "fr": {
                    "text": "Mettez dans l'ordre les étapes d'un dialogue communautaire.",
                    "options": {
                        "a": "Fixer ensemble des règles : respect, écoute, confidentialité",
                        "b": "Informer les autorités locales et les chefs coutumiers et religieux",
                        "c": "Faire le suivi des actions décidées",
                        "d": "Finir la discussion par des actions décidées ensemble",
                    },
                    "explanation": (
                        "Un dialogue se prépare (autorités, lieu, langue, liste des services), crée un espace sûr "
                        "(règles communes), s'anime et se termine par des actions. Après, on fait le suivi."
                    ),
                },
                "en": {
                    "text": "Put the stages of a community dialogue in order.",
                    "options": {
                        "a": "Agree on rules together: respect, listening, confidentiality",
                        "b": "Inform the local authorities and the traditional and religious leaders",
                        "c": "Follow up the actions decided",
                        "d": "End the discussion with actions decided together",
                    },
                    "explanation": (
                        "A dialogue is prepared (authorities, place, language, list of services), creates a safe "
                        "space (shared rules), is facilitated and ends with actions. Afterwards, the actions are "
                        "followed up."
                    ),
                },
                "key": {
                    "order": ["b", "a", "d", "c"],
                },
            },
            {
                "reference": "PC-12",
                "kind": "single",
                "objective": {
                    "fr": "Préparer et animer un dialogue communautaire sûr, sans jamais nommer une victime.",
                    "en": "Prepare and run a safe community dialogue, without ever naming a victim.",
                },
                "points": 1,
                "fr": {
                    "text": "Quelle est la règle d'or d'un dialogue communautaire sûr ?",
                    "options": {
                        "a": "L'animateur parle seul, comme dans un cours",
                        "b": "On invite les familles touchées à témoigner devant tous",
                        "c": "On ne cite aucun nom : on parle de situations, jamais de personnes reconnaissables",
                        "d": "On commence par dénoncer les recruteurs du quartier",
                    },
                    "explanation": (
                        "Règle d'or : on ne cite aucun nom. On parle de situations, jamais de personnes "
                        "reconnaissables."
                    ),
                },
                "en": {
                    "text": "What is the golden rule of a safe community dialogue?",
                    "options": {
                        "a": "The facilitator speaks alone, as in a lecture",
                        "b": "Affected families are invited to testify in front of everyone",
                        "c": "No names are mentioned: we talk about situations, never about recognisable people",
                        "d": "We start by denouncing the recruiters in the neighbourhood",
                    },
                    "explanation": (
                        "Golden rule: no names are mentioned. We talk about situations, never about recognisable "
                        "people."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "PC-13",
                "kind": "true_false",
                "objective": {
                    "fr": "Préparer et animer un dialogue communautaire sûr, sans jamais nommer une victime.",
                    "en": "Prepare and run a safe community dialogue, without ever naming a victim.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Pour un dialogue communautaire, on peut prévoir des groupes séparés de femmes, d'hommes "
                        "et de jeunes."
                    ),
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Vrai. Si besoin, on prévoit des groupes séparés, on parle la langue locale et on choisit "
                        "une heure qui convient aux femmes et aux jeunes."
                    ),
                },
                "en": {
                    "text": (
                        "For a community dialogue, separate groups of women, men and young people can be planned."
                    ),
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "True. If needed, separate groups are planned, the local language is spoken and a time is "
                        "chosen that suits women and young people."
                    ),
                },
                "key": {
                    "correct": "true",
                },
            },
            {
                "reference": "PC-14",
                "kind": "single",
                "objective": {
                    "fr": "Préparer et animer un dialogue communautaire sûr, sans jamais nommer une victime.",
                    "en": "Prepare and run a safe community dialogue, without ever naming a victim.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Après un dialogue, une participante vous confie qu'elle est en difficulté. Que faites-vous ?"
                    ),
                    "options": {
                        "a": "Vous lui dites d'en parler au prochain dialogue.",
                        "b": "Vous racontez son histoire au groupe, pour l'exemple.",
                        "c": "Vous appelez sa famille pour la prévenir.",
                        "d": "Vous l'écoutez à part, en privé, et vous lui proposez une orientation.",
                    },
                    "explanation": (
                        "Une confidence s'écoute en privé et s'oriente. On ne raconte jamais l'histoire d'une "
                        "personne à d'autres."
                    ),
                },
                "en": {
                    "text": (
                        "After a dialogue, a participant confides in you that she is in difficulty. What do you do?"
                    ),
                    "options": {
                        "a": "You tell her to talk about it at the next dialogue.",
                        "b": "You tell her story to the group, as an example.",
                        "c": "You call her family to warn them.",
                        "d": "You listen to her separately, in private, and offer her a referral.",
                    },
                    "explanation": (
                        "A confidence is heard in private and referred. A person's story is never told to others."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "PC-15",
                "kind": "multiple",
                "objective": {
                    "fr": "Préparer et animer un dialogue communautaire sûr, sans jamais nommer une victime.",
                    "en": "Prepare and run a safe community dialogue, without ever naming a victim.",
                },
                "points": 2,
                "fr": {
                    "text": (
                        "Pour préparer un dialogue communautaire, que faites-vous ? Choisissez toutes les bonnes "
                        "réponses."
                    ),
                    "options": {
                        "a": "Choisir un lieu neutre et accessible",
                        "b": "Préparer la liste des services vers lesquels orienter",
                        "c": "Parler seulement en français, même si le public ne le parle pas",
                        "d": "Choisir une heure qui convient aux femmes et aux jeunes",
                        "e": "Préparer un long cours à lire au public",
                    },
                    "explanation": (
                        "Préparer : informer les autorités et les chefs, choisir un lieu neutre et une heure qui "
                        "convient aux femmes et aux jeunes, parler la langue locale et préparer la liste des "
                        "services."
                    ),
                },
                "en": {
                    "text": "To prepare a community dialogue, what do you do? Choose all correct answers.",
                    "options": {
                        "a": "Choose a neutral, accessible place",
                        "b": "Prepare the list of services to refer people to",
                        "c": "Speak only French, even if the audience does not speak it",
                        "d": "Choose a time that suits women and young people",
                        "e": "Prepare a long lecture to read to the audience",
                    },
                    "explanation": (
                        "Prepare: inform the authorities and leaders, choose a neutral place and a time that suits "
                        "women and young people, speak the local language and prepare the list of services."
                    ),
                },
                "key": {
                    "correct": ["a", "b", "d"],
                    "partial": "proportional",
                },
            },
            {
                "reference": "PC-16",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Décrire le rôle et les limites des ambassadeurs migrants et des équipes d'appui communautaire."
                    ),
                    "en": "Describe the role and limits of migrant ambassadors and community support teams.",
                },
                "points": 1,
                "fr": {
                    "text": "Qui sont les ambassadeurs migrants ?",
                    "options": {
                        "a": "Des diplomates qui travaillent à l'ambassade de Guinée",
                        "b": "Des recruteurs agréés par l'État pour l'emploi à l'étranger",
                        "c": "Des migrants et migrantes de retour qui choisissent de partager leur expérience",
                        "d": "Des policiers en civil qui surveillent les départs",
                    },
                    "explanation": (
                        "Les ambassadeurs migrants sont des migrants et migrantes de retour qui choisissent de "
                        "partager leur expérience. Depuis 2017, le projet « Migrants as Messengers » de l'OIM "
                        "s'appuie sur eux en Afrique de l'Ouest, dont la Guinée."
                    ),
                },
                "en": {
                    "text": "Who are migrant ambassadors?",
                    "options": {
                        "a": "Diplomats who work at the Guinean embassy",
                        "b": "Recruiters approved by the State for jobs abroad",
                        "c": "Returned migrants who choose to share their experience",
                        "d": "Plain-clothes police officers who watch departures",
                    },
                    "explanation": (
                        "Migrant ambassadors are returned migrants who choose to share their experience. Since "
                        "2017, IOM's “Migrants as Messengers” project has relied on them in West Africa, including "
                        "Guinea."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "PC-17",
                "kind": "true_false",
                "objective": {
                    "fr": (
                        "Décrire le rôle et les limites des ambassadeurs migrants et des équipes d'appui communautaire."
                    ),
                    "en": "Describe the role and limits of migrant ambassadors and community support teams.",
                },
                "points": 1,
                "fr": {
                    "text": "Un ambassadeur migrant peut remplacer la police ou les services sociaux.",
                    "options": {
                        "true": "Vrai",
                        "false": "Faux",
                    },
                    "explanation": (
                        "Faux. Les ambassadeurs migrants et les équipes d'appui communautaire ne remplacent ni la "
                        "police, ni la justice, ni les services sociaux."
                    ),
                },
                "en": {
                    "text": "A migrant ambassador can replace the police or the social services.",
                    "options": {
                        "true": "True",
                        "false": "False",
                    },
                    "explanation": (
                        "False. Migrant ambassadors and community support teams replace neither the police, nor "
                        "the courts, nor the social services."
                    ),
                },
                "key": {
                    "correct": "false",
                },
            },
            {
                "reference": "PC-18",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Décrire le rôle et les limites des ambassadeurs migrants et des équipes d'appui communautaire."
                    ),
                    "en": "Describe the role and limits of migrant ambassadors and community support teams.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Pendant une causerie, on demande à une ambassadrice migrante de raconter en détail ce "
                        "qu'elle a subi. Elle hésite. Que faut-il retenir ?"
                    ),
                    "options": {
                        "a": "Elle doit raconter, sinon elle perd son rôle.",
                        "b": "Un autre participant doit raconter à sa place.",
                        "c": "Elle doit tout raconter, pour faire peur aux jeunes.",
                        "d": "Témoigner reste son choix : personne ne doit la pousser.",
                    },
                    "explanation": (
                        "Témoigner reste un choix : personne ne doit être poussé à raconter son histoire. Raconter "
                        "peut raviver des souvenirs douloureux."
                    ),
                },
                "en": {
                    "text": (
                        "During a community talk, a migrant ambassador is asked to describe in detail what she "
                        "suffered. She hesitates. What should be kept in mind?"
                    ),
                    "options": {
                        "a": "She must tell it, otherwise she loses her role.",
                        "b": "Another participant should tell it for her.",
                        "c": "She must tell everything, to frighten young people.",
                        "d": "Bearing witness remains her choice: nobody should push her.",
                    },
                    "explanation": (
                        "Bearing witness remains a choice: nobody should be pushed to tell their story. Telling it "
                        "can bring back painful memories."
                    ),
                },
                "key": {
                    "correct": "d",
                },
            },
            {
                "reference": "PC-19",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Décrire le rôle et les limites des ambassadeurs migrants et des équipes d'appui communautaire."
                    ),
                    "en": "Describe the role and limits of migrant ambassadors and community support teams.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un ambassadeur migrant pense qu'un jeune de son quartier est en danger. Quel est son rôle ?"
                    ),
                    "options": {
                        "a": "Écouter le jeune et l'orienter, sans enquêter",
                        "b": "Enquêter lui-même sur le recruteur",
                        "c": "Aller confronter la famille du jeune",
                        "d": "Ne rien faire : ce n'est pas son affaire",
                    },
                    "explanation": (
                        "Le rôle des ambassadeurs migrants et des équipes d'appui communautaire : écouter et "
                        "orienter, sans enquêter."
                    ),
                },
                "en": {
                    "text": (
                        "A migrant ambassador thinks that a young person in his neighbourhood is in danger. What "
                        "is his role?"
                    ),
                    "options": {
                        "a": "Listen to the young person and refer them, without investigating",
                        "b": "Investigate the recruiter himself",
                        "c": "Go and confront the young person's family",
                        "d": "Do nothing: it is none of his business",
                    },
                    "explanation": (
                        "The role of migrant ambassadors and community support teams: listen and refer, without "
                        "investigating."
                    ),
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "PC-20",
                "kind": "single",
                "objective": {
                    "fr": (
                        "Décrire le rôle et les limites des ambassadeurs migrants et des équipes d'appui communautaire."
                    ),
                    "en": "Describe the role and limits of migrant ambassadors and community support teams.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Raconter son histoire peut raviver des souvenirs douloureux. Que prévoient les équipes "
                        "d'appui communautaire pour les ambassadeurs migrants ?"
                    ),
                    "options": {
                        "a": "Du soutien psychosocial et des moments de repos",
                        "b": "Plus de témoignages, pour s'habituer",
                        "c": "Une récompense en argent à chaque témoignage",
                        "d": "Rien : chacun doit se débrouiller seul",
                    },
                    "explanation": (
                        "Les équipes d'appui communautaire prévoient du soutien psychosocial et des moments de repos."
                    ),
                },
                "en": {
                    "text": (
                        "Telling one's story can bring back painful memories. What do community support teams plan "
                        "for migrant ambassadors?"
                    ),
                    "options": {
                        "a": "Psychosocial support and time to rest",
                        "b": "More testimonies, to get used to it",
                        "c": "A cash reward for each testimony",
                        "d": "Nothing: everyone has to manage alone",
                    },
                    "explanation": "Community support teams plan psychosocial support and time to rest.",
                },
                "key": {
                    "correct": "a",
                },
            },
            {
                "reference": "PC-21",
                "kind": "matching",
                "objective": {
                    "fr": "Orienter une personne vers les services compétents.",
                    "en": "Refer a person to the competent services.",
                },
                "points": 2,
                "fr": {
                    "text": "Reliez chaque situation au service vers lequel orienter la personne.",
                    "left": {
                        "1": "Danger immédiat",
                        "2": "Migrant de retour en difficulté",
                        "3": "Réfugié ou demandeur d'asile",
                        "4": "Besoin de soins",
                    },
                    "right": {
                        "a": "Le HCR et ses partenaires",
                        "b": "Le centre de santé ou l'hôpital",
                        "c": "La police ou la gendarmerie la plus proche",
                        "d": "Une radio communautaire",
                        "e": "L'OIM",
                    },
                    "explanation": (
                        "On oriente vers la police ou la gendarmerie en cas de danger immédiat, vers l'OIM pour "
                        "les migrants et migrantes de retour, vers le HCR pour les réfugiés et demandeurs d'asile, "
                        "et vers le centre de santé ou l'hôpital pour les soins."
                    ),
                },
                "en": {
                    "text": "Match each situation with the service to which the person should be referred.",
                    "left": {
                        "1": "Immediate danger",
                        "2": "Returned migrant in difficulty",
                        "3": "Refugee or asylum-seeker",
                        "4": "Need for health care",
                    },
                    "right": {
                        "a": "UNHCR and its partners",
                        "b": "The health centre or hospital",
                        "c": "The nearest police or gendarmerie",
                        "d": "A community radio station",
                        "e": "IOM",
                    },
                    "explanation": (
                        "Refer to the police or gendarmerie in case of immediate danger, to IOM for returned "
                        "migrants, to UNHCR for refugees and asylum-seekers, and to the health centre or hospital "
                        "for health care."
                    ),
                },
                "key": {
                    "pairs": {
                        "1": "c",
                        "2": "e",
                        "3": "a",
                        "4": "b",
                    },
                },
            },
            {
                "reference": "PC-22",
                "kind": "single",
                "objective": {
                    "fr": "Orienter une personne vers les services compétents.",
                    "en": "Refer a person to the competent services.",
                },
                "points": 1,
                "fr": {
                    "text": (
                        "Un leader religieux apprend qu'une fillette de son quartier est en danger. Que fait-il ?"
                    ),
                    "options": {
                        "a": "Il attend l'accord de la famille pour agir.",
                        "b": "Il règle l'affaire seul avec la famille.",
                        "c": "Il alerte tout de suite les services compétents, comme l'OPROGEM.",
                        "d": "Il en parle lors d'une réunion publique, sans donner de nom.",
                    },
                    "explanation": (
                        "S'il s'agit d'un enfant en danger, le leader alerte tout de suite les services "
                        "compétents : l'OPROGEM pour la traite et les enfants, et les services de protection de "
                        "l'enfance."
                    ),
                },
                "en": {
                    "text": (
                        "A religious leader learns that a young girl in his neighbourhood is in danger. What does "
                        "he do?"
                    ),
                    "options": {
                        "a": "He waits for the family's agreement before acting.",
                        "b": "He settles the matter alone with the family.",
                        "c": "He alerts the competent services at once, such as the OPROGEM.",
                        "d": "He talks about it at a public meeting, without giving a name.",
                    },
                    "explanation": (
                        "If a child is in danger, the leader alerts the competent services at once: the OPROGEM "
                        "for trafficking and children, and the child protection services."
                    ),
                },
                "key": {
                    "correct": "c",
                },
            },
            {
                "reference": "PC-23",
                "kind": "short",
                "objective": {
                    "fr": "Orienter une personne vers les services compétents.",
                    "en": "Refer a person to the competent services.",
                },
                "points": 1,
                "fr": {
                    "text": "À quelle fréquence faut-il mettre à jour le répertoire local des services ?",
                    "accepted": [
                        "chaque année",
                        "une fois par an",
                        "tous les ans",
                        "annuellement",
                        "1 fois par an",
                        "une fois par année",
                    ],
                    "explanation": (
                        "Faites la liste des services de votre préfecture, vérifiez-la auprès de la préfecture, de "
                        "l'action sociale ou du CNLTPPA, et mettez-la à jour chaque année."
                    ),
                },
                "en": {
                    "text": "How often should the local directory of services be updated?",
                    "accepted": ["every year", "once a year", "each year", "annually", "yearly"],
                    "explanation": (
                        "List the services in your prefecture, check the list with the prefecture, the social "
                        "welfare services or the CNLTPPA, and update it every year."
                    ),
                },
                "key": {},
            },
            {
                "reference": "PC-24",
                "kind": "single",
                "objective": {
                    "fr": "Orienter une personne vers les services compétents.",
                    "en": "Refer a person to the competent services.",
                },
                "points": 1,
                "fr": {
                    "text": "Vous orientez une personne vers un service. Que faites-vous ?",
                    "options": {
                        "a": "Vous l'envoyez seule, sans explication.",
                        "b": "Vous lui expliquez où elle va et ce qui va se passer.",
                        "c": "Vous transmettez tout son dossier à tous les services.",
                        "d": "Vous choisissez le service à sa place, sans lui en parler.",
                    },
                    "explanation": (
                        "Bien orienter : expliquer où la personne va et ce qui va se passer, transmettre seulement "
                        "les informations utiles avec son accord, accompagner si possible, puis prendre des "
                        "nouvelles avec discrétion."
                    ),
                },
                "en": {
                    "text": "You are referring a person to a service. What do you do?",
                    "options": {
                        "a": "You send them alone, without explanation.",
                        "b": "You explain where they are going and what will happen.",
                        "c": "You pass their whole file to every service.",
                        "d": "You choose the service for them, without telling them.",
                    },
                    "explanation": (
                        "Refer well: explain where the person is going and what will happen, pass on only useful "
                        "information with their agreement, accompany them if possible, then check on them "
                        "discreetly."
                    ),
                },
                "key": {
                    "correct": "b",
                },
            },
        ],
        "pre": {
            "form": [
                "PC-01",
                "PC-02",
                "PC-16",
                "PC-06",
                "PC-12",
                "PC-21",
                "PC-08",
                "PC-17",
                "PC-03",
                "PC-14",
                "PC-22",
                "PC-07",
                "PC-13",
                "PC-18",
                "PC-05",
                "PC-10",
                "PC-24",
                "PC-19",
                "PC-23",
                "PC-11",
            ],
        },
        "post": {
            "form": [
                "PC-01",
                "PC-02",
                "PC-16",
                "PC-06",
                "PC-12",
                "PC-21",
                "PC-08",
                "PC-17",
                "PC-03",
                "PC-14",
                "PC-22",
                "PC-07",
                "PC-13",
                "PC-18",
                "PC-05",
                "PC-10",
                "PC-24",
                "PC-19",
                "PC-23",
                "PC-11",
            ],
        },
    },
}
