"""A small hand-made graph, written in TriG the way ``builder.emit`` lays a store out (one named
graph per document, entity descriptions in the shared graph), for tests of the view, figures,
map, exports, filters and answers that must not depend on what the extraction finds today.

Two documents from two sources:

- ``d1`` (Desk Wire, 2021-03-02): Islamic State ("ISIS", Q2429253) attacked civilians in Tafas
  (GeoNames spelling "Ţafas", in Daraa, in Syria) on 2021-03-01, 3 dead, confidence 0.9; Islamic
  State fights the Syrian Arab Army (confidence 0.8).
- ``d2`` (Other Post, 2021-05-10): an undated armed clash of the Wagner Group against Islamic
  State, place unknown, confidence 0.4; the Wagner Group is backed by Russia (confidence 0.5).
"""

from __future__ import annotations

import pyoxigraph as ox

from builder.store import Store

TRIG = """
@prefix akg: <https://w3id.org/armedkg/ontology#> .
@prefix id: <https://w3id.org/armedkg/id/> .
@prefix g: <https://w3id.org/armedkg/graph/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

g:descriptions {
  id:actor\\/islamic-state a akg:JihadistGroup ; rdfs:label "Islamic State" ; skos:prefLabel "Islamic State" ;
      skos:altLabel "ISIS", "Daesh" ; akg:nameKey "islamicstate", "isis", "daesh" ; akg:wikidata "Q2429253" ; akg:interCode 2 .
  id:actor\\/wagner-group a akg:Militia ; rdfs:label "Wagner Group" ; skos:prefLabel "Wagner Group" ; akg:nameKey "wagnergroup" ; akg:interCode 8 .
  id:actor\\/saa a akg:StateForce ; rdfs:label "Syrian Arab Army" ; skos:prefLabel "Syrian Arab Army" ; akg:nameKey "syrianarabarmy" ; akg:interCode 1 .
  id:actor\\/civilians-sy a akg:CivilianGroup ; rdfs:label "Civilians (Syria)" ; skos:prefLabel "Civilians (Syria)" ; akg:nameKey "civilians(syria)" ; akg:interCode 7 .
  id:country\\/SY a akg:Country ; rdfs:label "Syria" ; skos:prefLabel "Syria" ; akg:nameKey "syria" ; akg:wikidata "Q858" .
  id:country\\/RU a akg:Country ; rdfs:label "Russia" ; skos:prefLabel "Russia" ; akg:nameKey "russia" .
  id:place\\/adm1-SY.06 a akg:AdminRegion ; rdfs:label "Daraa" ; skos:prefLabel "Daraa" ; akg:nameKey "daraa" ; akg:adminLevel 1 ;
      geo:lat 32.75 ; geo:long 36.25 ; akg:locatedIn id:country\\/SY .
  id:place\\/gn-163806 a akg:Location ; rdfs:label "Ţafas" ; skos:prefLabel "Ţafas" ; skos:altLabel "Tafas" ; akg:nameKey "tafas" ;
      akg:geonamesId "163806" ; geo:lat 32.73 ; geo:long 36.07 ; akg:locatedIn id:place\\/adm1-SY.06 .
  id:source\\/desk-wire a akg:Source ; rdfs:label "Desk Wire" .
  id:source\\/other-post a akg:Source ; rdfs:label "Other Post" .
}

g:doc\\/d1 {
  id:doc\\/d1 a akg:Document ; akg:docId "d1" ; akg:textSha256 "01" ; akg:published "2021-03-02"^^xsd:date ;
      akg:sourceName "Desk Wire" ; prov:wasAttributedTo id:source\\/desk-wire .
  id:actor\\/islamic-state akg:evidence id:evidence\\/d1\\/a .
  id:place\\/gn-163806 akg:evidence id:evidence\\/d1\\/b .
  id:actor\\/civilians-sy akg:evidence id:evidence\\/d1\\/c .
  id:actor\\/saa akg:evidence id:evidence\\/d1\\/d .
  id:actor\\/islamic-state akg:fightingAgainst id:actor\\/saa .
  id:affiliation\\/d1\\/h a akg:Hostility ; akg:subjectActor id:actor\\/islamic-state ; akg:objectActor id:actor\\/saa ;
      akg:relation akg:fightingAgainst ; akg:status akg:Current ; akg:sourceDocument id:doc\\/d1 ; akg:startDate "2020-01-01"^^xsd:date ;
      akg:evidence id:evidence\\/d1\\/e .
  id:event\\/d1\\/1 a akg:Attack ; rdfs:label "Attack by Islamic State at Tafas on 2021-03-01" ; akg:sourceDocument id:doc\\/d1 ;
      akg:eventDate "2021-03-01"^^xsd:date ; akg:timePrecision 1 ; akg:place id:place\\/gn-163806 ; akg:geoPrecision 1 ;
      akg:perpetrator id:actor\\/islamic-state ; akg:victim id:actor\\/civilians-sy ; akg:fatalities 3 ;
      akg:reportedBy id:source\\/desk-wire ; akg:evidence id:evidence\\/d1\\/f .
  id:evidence\\/d1\\/a akg:document id:doc\\/d1 ; akg:sentence "Fighters of ISIS attacked civilians in Tafas on Monday, killing three." ;
      akg:sentenceStart 0 ; akg:start 12 ; akg:end 16 ; akg:rule "gazetteer" ; akg:confidence 0.9 .
  id:evidence\\/d1\\/b akg:document id:doc\\/d1 ; akg:sentence "Fighters of ISIS attacked civilians in Tafas on Monday, killing three." ;
      akg:sentenceStart 0 ; akg:start 39 ; akg:end 44 ; akg:rule "gazetteer" ; akg:confidence 0.9 .
  id:evidence\\/d1\\/c akg:document id:doc\\/d1 ; akg:sentence "Fighters of ISIS attacked civilians in Tafas on Monday, killing three." ;
      akg:sentenceStart 0 ; akg:start 26 ; akg:end 35 ; akg:rule "civilians" ; akg:confidence 0.6 .
  id:evidence\\/d1\\/d akg:document id:doc\\/d1 ; akg:sentence "The group has fought the Syrian Arab Army since 2020." ;
      akg:sentenceStart 71 ; akg:start 96 ; akg:end 112 ; akg:rule "gazetteer" ; akg:confidence 0.9 .
  id:evidence\\/d1\\/e akg:document id:doc\\/d1 ; akg:sentence "The group has fought the Syrian Arab Army since 2020." ;
      akg:sentenceStart 71 ; akg:start 71 ; akg:end 112 ; akg:rule "hostility" ; akg:confidence 0.8 .
  id:evidence\\/d1\\/f akg:document id:doc\\/d1 ; akg:sentence "Fighters of ISIS attacked civilians in Tafas on Monday, killing three." ;
      akg:sentenceStart 0 ; akg:start 0 ; akg:end 69 ; akg:rule "event" ; akg:confidence 0.9 .
}

g:doc\\/d2 {
  id:doc\\/d2 a akg:Document ; akg:docId "d2" ; akg:textSha256 "02" ; akg:published "2021-05-10"^^xsd:date ;
      akg:sourceName "Other Post" ; prov:wasAttributedTo id:source\\/other-post .
  id:actor\\/wagner-group akg:evidence id:evidence\\/d2\\/a .
  id:actor\\/islamic-state akg:evidence id:evidence\\/d2\\/b .
  id:country\\/RU akg:evidence id:evidence\\/d2\\/d .
  id:actor\\/wagner-group akg:backedBy id:country\\/RU .
  id:affiliation\\/d2\\/b a akg:Backing ; akg:subjectActor id:actor\\/wagner-group ; akg:objectActor id:country\\/RU ;
      akg:relation akg:backedBy ; akg:status akg:Current ; akg:sourceDocument id:doc\\/d2 ; akg:evidence id:evidence\\/d2\\/d .
  id:event\\/d2\\/1 a akg:ArmedClash ; rdfs:label "Armed clash by Wagner Group" ; akg:sourceDocument id:doc\\/d2 ;
      akg:perpetrator id:actor\\/wagner-group ; akg:target id:actor\\/islamic-state ;
      akg:reportedBy id:source\\/other-post ; akg:evidence id:evidence\\/d2\\/c .
  id:evidence\\/d2\\/a akg:document id:doc\\/d2 ; akg:sentence "Wagner Group fighters clashed with Islamic State cells, a monitor said." ;
      akg:sentenceStart 0 ; akg:start 0 ; akg:end 12 ; akg:rule "gazetteer" ; akg:confidence 0.5 .
  id:evidence\\/d2\\/b akg:document id:doc\\/d2 ; akg:sentence "Wagner Group fighters clashed with Islamic State cells, a monitor said." ;
      akg:sentenceStart 0 ; akg:start 35 ; akg:end 49 ; akg:rule "gazetteer" ; akg:confidence 0.5 .
  id:evidence\\/d2\\/c akg:document id:doc\\/d2 ; akg:sentence "Wagner Group fighters clashed with Islamic State cells, a monitor said." ;
      akg:sentenceStart 0 ; akg:start 0 ; akg:end 70 ; akg:rule "event" ; akg:confidence 0.4 .
  id:evidence\\/d2\\/d akg:document id:doc\\/d2 ; akg:sentence "The Russian-backed Wagner Group has operated in the area." ;
      akg:sentenceStart 71 ; akg:start 71 ; akg:end 127 ; akg:rule "backing" ; akg:confidence 0.5 .
}
"""


def handmade_store(path: object = None) -> Store:
    """A store with the ontology and the two hand-made documents: in memory, or in the folder
    ``path`` (flushed, so that another process can open it)."""
    store = Store(path)
    store.ensure_ontology()
    store.ox.load(TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    store.flush()
    return store
