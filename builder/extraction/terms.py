"""The ontology terms the extraction code names: class and property local names, each checked
against the closed namespace :class:`ontology.namespace.AKG` when this module is imported, so
that a typo fails at import and not silently in the graph. Code uses these constants, never a
string literal, for a class or a property."""

from __future__ import annotations

from ontology.namespace import AKG


def _term(name: str) -> str:
    getattr(AKG, name)  # the namespace is closed: an unknown term raises AttributeError
    return name


# actors
PERSON = _term("Person")
STATE_FORCE = _term("StateForce")
NON_STATE_ARMED_GROUP = _term("NonStateArmedGroup")
REBEL_GROUP = _term("RebelGroup")
MILITIA = _term("Militia")
JIHADIST_GROUP = _term("JihadistGroup")
ORGANISATION = _term("Organisation")
MEDIA_OUTLET = _term("MediaOutlet")
CIVILIAN_GROUP = _term("CivilianGroup")
SOURCE = _term("Source")
WEAPON = _term("Weapon")
ARMED_CLASSES = (STATE_FORCE, NON_STATE_ARMED_GROUP, MILITIA, REBEL_GROUP, JIHADIST_GROUP)
ARMED_ACTOR = _term("ArmedActor")
UNIDENTIFIED_ARMED_GROUP = _term("UnidentifiedArmedGroup")
# places
COUNTRY = _term("Country")
ADMIN_REGION = _term("AdminRegion")
POPULATED_PLACE = _term("PopulatedPlace")
FACILITY = _term("Facility")
NATURAL_FEATURE = _term("NaturalFeature")
AREA = _term("Area")
LOCATION = _term("Location")
PLACE_CLASSES = (POPULATED_PLACE, ADMIN_REGION, FACILITY, NATURAL_FEATURE, AREA, LOCATION)
# event types (ACLED) and the sub-event types the code decides on by name
BATTLES = _term("Battles")
EXPLOSIONS = _term("ExplosionsRemoteViolence")
VIOLENCE_AGAINST_CIVILIANS = _term("ViolenceAgainstCivilians")
PROTESTS = _term("Protests")
RIOTS = _term("Riots")
STRATEGIC = _term("StrategicDevelopments")
VIOLENT_TYPES = (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)
ATTACK = _term("Attack")
ARMED_CLASH = _term("ArmedClash")
AIR_DRONE_STRIKE = _term("AirDroneStrike")
SHELLING = _term("ShellingArtilleryMissileAttack")
EXPLOSIVE_IED = _term("RemoteExplosiveLandmineIED")
GRENADE_ATTACK = _term("GrenadeAttack")
SUICIDE_BOMB = _term("SuicideBomb")
DISRUPTED_WEAPONS_USE = _term("DisruptedWeaponsUse")
GOVERNMENT_REGAINS = _term("GovernmentRegainsTerritory")
NON_STATE_OVERTAKES = _term("NonStateActorOvertakesTerritory")
CHANGE_TO_GROUP_ACTIVITY = _term("ChangeToGroupActivity")
OTHER_DEVELOPMENT = _term("OtherDevelopment")
ARRESTS = _term("Arrests")
AGREEMENT = _term("Agreement")
ABDUCTION = _term("AbductionForcedDisappearance")
LOOTING = _term("LootingPropertyDestruction")
PEACEFUL_PROTEST = _term("PeacefulProtest")
PROTEST_WITH_INTERVENTION = _term("ProtestWithIntervention")
EXCESSIVE_FORCE = _term("ExcessiveForceAgainstProtesters")
VIOLENT_DEMONSTRATION = _term("ViolentDemonstration")
MOB_VIOLENCE = _term("MobViolence")
# properties
MEMBER_OF = _term("memberOf")
PART_OF = _term("partOf")
ALLIED_WITH = _term("alliedWith")
BACKED_BY = _term("backedBy")
FIGHTING_AGAINST = _term("fightingAgainst")
COMMANDER_OF = _term("commanderOf")
FORMER_COMMANDER_OF = _term("formerCommanderOf")
CONTROLS = _term("controls")
OPERATES_IN = _term("operatesIn")
LOCATED_IN = _term("locatedIn")
USES_WEAPON = _term("usesWeapon")
HOLDS_WEAPON = _term("holdsWeapon")
# Relations in which a country named in the sentence acts as a state, not a place.
ACTOR_RELATIONS = frozenset({MEMBER_OF, PART_OF, ALLIED_WITH, BACKED_BY, FIGHTING_AGAINST})
FRIENDLY_PROPS = frozenset({PART_OF, MEMBER_OF, ALLIED_WITH, BACKED_BY, COMMANDER_OF, FORMER_COMMANDER_OF})
# affiliation status
CURRENT = _term("Current")
FORMER = _term("Former")
ALLEGED = _term("Alleged")
