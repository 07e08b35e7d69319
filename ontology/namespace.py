"""The armedkg ontology namespace, closed: an unknown term raises AttributeError.

Kept in step with ``ontology/armed_actors.ttl`` by ``tests/test_ontology.py``.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class AKG(DefinedNamespace):
    """armedkg ontology terms (``https://w3id.org/armedkg/ontology#``)."""

    _NS = Namespace("https://w3id.org/armedkg/ontology#")
    _fail = True

    AbductionForcedDisappearance: URIRef
    Actor: URIRef
    AdminRegion: URIRef
    Affiliation: URIRef
    AffiliationStatus: URIRef
    Agreement: URIRef
    AirDroneStrike: URIRef
    Alleged: URIRef
    Alliance: URIRef
    Area: URIRef
    ArmedActor: URIRef
    ArmedClash: URIRef
    Arrests: URIRef
    Attack: URIRef
    Backing: URIRef
    Battles: URIRef
    ChangeToGroupActivity: URIRef
    ChemicalWeapon: URIRef
    CivilianGroup: URIRef
    Claim: URIRef
    Command: URIRef
    Containment: URIRef
    Control: URIRef
    Country: URIRef
    Current: URIRef
    DisruptedWeaponsUse: URIRef
    Document: URIRef
    Event: URIRef
    Evidence: URIRef
    ExcessiveForceAgainstProtesters: URIRef
    ExplosionsRemoteViolence: URIRef
    Facility: URIRef
    Former: URIRef
    GovernmentRegainsTerritory: URIRef
    GrenadeAttack: URIRef
    HeadquartersOrBaseEstablished: URIRef
    Hostility: URIRef
    JihadistGroup: URIRef
    Location: URIRef
    LootingPropertyDestruction: URIRef
    MediaOutlet: URIRef
    Membership: URIRef
    Militia: URIRef
    MobViolence: URIRef
    NaturalFeature: URIRef
    NonStateActorOvertakesTerritory: URIRef
    NonStateArmedGroup: URIRef
    NonViolentTransferOfTerritory: URIRef
    Organisation: URIRef
    OtherDevelopment: URIRef
    PeacefulProtest: URIRef
    Person: URIRef
    PopulatedPlace: URIRef
    Presence: URIRef
    ProtestWithIntervention: URIRef
    Protests: URIRef
    RebelGroup: URIRef
    RemoteExplosiveLandmineIED: URIRef
    Riots: URIRef
    SexualViolence: URIRef
    ShellingArtilleryMissileAttack: URIRef
    Source: URIRef
    StateForce: URIRef
    StrategicDevelopments: URIRef
    SubUnit: URIRef
    SuicideBomb: URIRef
    UnidentifiedArmedGroup: URIRef
    ViolenceAgainstCivilians: URIRef
    ViolentDemonstration: URIRef
    accordingTo: URIRef
    adminLevel: URIRef
    aliasOf: URIRef
    alliedWith: URIRef
    assassination: URIRef
    associatedPerpetrator: URIRef
    associatedTarget: URIRef
    backedBy: URIRef
    backerOf: URIRef
    claimDate: URIRef
    claimVia: URIRef
    claimant: URIRef
    claimedBy: URIRef
    claimedEvent: URIRef
    commandRole: URIRef
    commanderOf: URIRef
    confidence: URIRef
    construction: URIRef
    contains: URIRef
    controls: URIRef
    country: URIRef
    dependencyPath: URIRef
    docId: URIRef
    document: URIRef
    end: URIRef
    endDate: URIRef
    eventDate: URIRef
    evidence: URIRef
    fatalities: URIRef
    fightingAgainst: URIRef
    formerCommanderOf: URIRef
    gazetteerId: URIRef
    geoPrecision: URIRef
    geonamesId: URIRef
    hasPart: URIRef
    injured: URIRef
    interCode: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    near: URIRef
    nomDeGuerre: URIRef
    objectActor: URIRef
    nameKey: URIRef
    operatesIn: URIRef
    partOf: URIRef
    participant: URIRef
    perpetrator: URIRef
    place: URIRef
    published: URIRef
    rank: URIRef
    relation: URIRef
    reportedBy: URIRef
    rule: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    sourceName: URIRef
    sourceDocument: URIRef
    start: URIRef
    startDate: URIRef
    status: URIRef
    subjectActor: URIRef
    target: URIRef
    targetPlace: URIRef
    textSha256: URIRef
    timePrecision: URIRef
    url: URIRef
    victim: URIRef
    wikidata: URIRef
    usesWeapon: URIRef
    Weapon: URIRef
    holdsWeapon: URIRef
    Armament: URIRef
    KnowledgeSource: URIRef
    CuratedKnowledge: URIRef
    ImportedKnowledge: URIRef
    UserKnowledge: URIRef
    knowledgeSource: URIRef
    extractedFrom: URIRef
    contentSha256: URIRef
    linkedInto: URIRef
    linkReason: URIRef
    distinctFrom: URIRef


#: Namespace of the instance data (entities, events, evidence). Only builder.emit mints IRIs in it.
DATA = Namespace("https://w3id.org/armedkg/id/")
#: Prefix of the named graph that holds one document's assertions.
GRAPH = Namespace("https://w3id.org/armedkg/graph/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ONTOLOGY_IRI = URIRef("https://w3id.org/armedkg/ontology")
