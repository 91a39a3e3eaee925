import type { FailureReason } from '../api/failure.js';

/** Finnish, the reference dictionary: its shape is the type every other language must match. */
export const fi = {
  app: {
    name: 'Soteatlas',
    tagline: 'Hyvinvointialueen tietojohtaminen ja palveluverkon suunnittelu',
    skipToContent: 'Siirry sisältöön',
    mainNavigation: 'Päävalikko',
    language: 'Kieli',
    footer: 'Soteatlas – avoin lähdekoodi hyvinvointialueiden tietojohtamiseen.',
  },
  nav: {
    overview: 'Tilannekuva',
    indicators: 'Indikaattorit',
    forecast: 'Ennusteet',
    network: 'Palveluverkko',
    producers: 'Tuottajat',
    programme: 'Muutosohjelma',
    data: 'Aineistot',
  },
  placeholder: {
    comingTitle: 'Tulossa',
    note: 'Tämä näkymä on vielä rakenteilla.',
    dataLink: 'Katso jo tuodut aineistot',
  },
  pages: {
    overview: {
      lead: 'Johdon ja aluehallituksen tilannekuva: keskeiset indikaattorit tavoitteisiin verrattuina, kehitys ja poikkeamat yhdellä silmäyksellä.',
      planned: [
        'Indikaattorit tavoitteineen ja liikennevaloineen',
        'Kehitys kuukausittain ja vuosittain',
        'Poikkeamat kunnittain ja toimipisteittäin',
        'Raporttipaketit johdolle ja aluehallitukselle',
      ],
    },
    indicators: {
      lead: 'Indikaattorien määrittely ja laskenta: kaavaindikaattorit, asukaslukuun suhteutetut ja tarvevakioidut luvut sekä THL:n SOTE-tietopakettien mittarit.',
      planned: [
        'Omat kaavaindikaattorit ja niiden tavoitteet',
        'Luvut asukasta kohden ja tarvevakioituina',
        'Pienten lukujen tietosuoja kaikissa näkymissä',
        'Sotkanetin indikaattorien tuonti',
      ],
    },
    forecast: {
      lead: 'Väestö- ja palvelutarve-ennusteet alueittain: väestöennuste iän ja sukupuolen mukaan sekä siitä johdettu palvelujen kysyntä.',
      planned: [
        'Väestöennuste kunnittain ja ruuduittain',
        'Palvelutarve ikäryhmittäin ja palveluluokittain',
        'Tarvekertoimet THL:n mallin mukaan',
        'Ennusteiden vertailu toteutuneeseen',
      ],
    },
    network: {
      lead: 'Palveluverkon suunnittelu: toimipisteet kartalla, matka-ajat, kapasiteetti ja kuormitus sekä mitä jos -skenaariot rinnakkain.',
      planned: [
        'Saavutettavuus matka-aikoina',
        'Toimipisteen sulkeminen, avaaminen, siirtäminen ja mitoitus',
        'Etä- ja digipalvelujen vaikutus',
        'Sijaintien optimointi',
      ],
    },
    producers: {
      lead: 'Tuottajaohjaus: oma tuotanto, ostopalvelut, palvelusetelit ja järjestöt, sopimukset volyymeineen ja hintoineen sekä tarvevakioidut tuloskortit.',
      planned: [
        'Sopimukset, volyymit ja hinnat',
        'Palvelusetelit',
        'Tuottajien tuloskortit tarvevakioituina',
        'Hankintakalenteri',
      ],
    },
    programme: {
      lead: 'Muutosohjelman seuranta: hankkeet, toimenpiteet, virstanpylväät, resurssit ja tila, kytkettyinä niihin indikaattoreihin, joihin niillä halutaan vaikuttaa.',
      planned: [
        'Hankesalkku ja toimenpiteet',
        'Virstanpylväät ja aikataulu',
        'Resurssit ja tila',
        'Raportit ministeriön hankesalkkuun',
      ],
    },
  },
  notFound: {
    title: 'Sivua ei löytynyt',
    text: 'Osoitteessa ei ole sivua. Valitse näkymä valikosta.',
  },
  status: {
    loading: 'Ladataan…',
    failed: (reason: string) => `Tietojen haku epäonnistui. ${reason}`,
    noRows: 'Ei rivejä.',
    notAvailable: 'ei tietoa',
    suppressedLabel: 'alle 5, piilotettu tietosuojan vuoksi',
    suppressedNote: '<5 = luku on alle viisi. Pienet luvut piilotetaan, jottei ketään voi tunnistaa.',
  },
  /** A failed request told by its code (src/model/errors.ts), never by the server's own English message. */
  errors: {
    invalidRequest: 'Pyyntö ei kelvannut: jokin valinta tai arvo on virheellinen.',
    notFound: 'Pyydettyä tietoa ei löytynyt.',
    unauthorised: 'Kirjaudu sisään nähdäksesi tämän tai tehdäksesi muutoksia.',
    forbidden: 'Sinulla ei ole oikeutta tähän.',
    conflict: 'Tieto on muuttunut tai nimi on jo käytössä. Lataa sivu uudelleen ja yritä sitten uudelleen.',
    invalidDataset: 'Aineistoa ei voitu lukea: se ei ole odotetussa muodossa.',
    unavailable: 'Palvelu ei ole juuri nyt käytettävissä. Yritä myöhemmin uudelleen.',
    internal: 'Palvelimella tapahtui virhe.',
    offline: 'Palvelimeen ei saatu yhteyttä.',
  } satisfies Record<FailureReason, string>,
  kinds: {
    import: {
      areas: 'Alueet',
      population: 'Väestö',
      producers: 'Tuottajat',
      units: 'Toimipisteet',
      events: 'Palvelutapahtumat',
      costs: 'Kustannukset',
    },
    producer: {
      own: 'Oma tuotanto',
      purchased: 'Ostopalvelu',
      voucher: 'Palveluseteli',
      ngo: 'Järjestö',
    },
    unknownProducer: 'Tuntematon',
  },
  capacity: {
    visits: (count: string) => `${count} käyntiä/v`,
    places: (count: string) => `${count} paikkaa`,
  },
  data: {
    title: 'Aineistot',
    lead: 'Mitä tietovarastossa on ja mistä se on tullut: tuontihistoria hylättyjen rivien raportteineen, kunnat, toimipisteet ja kartta.',
    summary: {
      title: 'Tietovaraston sisältö',
      counts: {
        areas: 'Alueet',
        population: 'Väestörivit',
        producers: 'Tuottajat',
        units: 'Toimipisteet',
        events: 'Palvelutapahtumat',
        costs: 'Kustannusrivit',
        serviceClasses: 'Palveluluokat',
        imports: 'Tuonnit',
        rejects: 'Hylätyt rivit',
      },
      populationYears: 'Väestövuodet',
      eventYears: 'Tapahtumavuodet',
      costYears: 'Kustannusvuodet',
      none: 'ei vielä',
    },
    imports: {
      title: 'Tuontihistoria',
      caption: 'Tuonnit uusimmasta vanhimpaan',
      id: 'Nro',
      kind: 'Tyyppi',
      file: 'Tiedosto',
      rowsRead: 'Luettu',
      rowsAccepted: 'Hyväksytty',
      rowsRejected: 'Hylätty',
      time: 'Aika',
      rejects: 'Hylätyt rivit',
      download: 'Lataa CSV',
      downloadContext: (id: number) => `tuonnin ${id} hylätyt rivit`,
      noRejects: 'Ei hylättyjä',
    },
    rejects: {
      // Positional like every message: the arguments fill the sentence in order.
      caption: (id: number, file: string, shown: number, total: number) =>
        `Tuonnin ${id} (${file}) hylätyt rivit: ${shown} ensimmäistä ${total}:stä syineen`,
      line: 'Rivi',
      column: 'Sarake',
      value: 'Arvo',
      reason: 'Syy',
    },
    areas: {
      title: 'Kunnat',
      caption: (year: string) => `Kunnat ja väkiluku ${year}`,
      code: 'Koodi',
      name: 'Kunta',
      population: 'Väkiluku',
      total: 'Yhteensä',
    },
    units: {
      title: 'Toimipisteet',
      caption: 'Toimipisteet, niiden palveluluokat, tuottajat ja kapasiteetti',
      name: 'Nimi',
      serviceClasses: 'Palveluluokat',
      producer: 'Tuottaja',
      producerKind: 'Tuottajan tyyppi',
      municipality: 'Kunta',
      capacity: 'Kapasiteetti',
      map: 'Kartalla',
      show: 'Näytä',
      showContext: (name: string) => `Näytä ${name} kartalla`,
      notValidIn: (year: string) => `ei voimassa ${year}`,
    },
    map: {
      title: 'Kartta',
      name: 'Kartta hyvinvointialueen kunnista ja toimipisteistä',
      textAlternative:
        'Kartan kunnat ja toimipisteet ovat myös alla olevissa taulukoissa, joista kunkin voi näyttää kartalla.',
      help: 'Valitse kunta tai toimipiste kartalta nähdäksesi sen tiedot. Karttaa voi siirtää nuolinäppäimillä ja lähentää plus- ja miinusnäppäimillä.',
      legend: 'Selite',
      legendUnits: 'Ympyrä on toimipiste; sen väri kertoo tuottajan tyypin.',
      municipalityFill: 'Kunta',
      unavailable: 'Karttaa ei voitu piirtää tässä selaimessa. Samat tiedot ovat taulukoissa.',
      selected: (description: string) => `Valittu: ${description}`,
      populationOf: (count: string) => `väkiluku ${count}`,
      zoomIn: 'Lähennä',
      zoomOut: 'Loitonna',
      closePopup: 'Sulje',
    },
  },
};

/** The Finnish dictionary's shape is the contract: a key missing from or extra in another language fails tsc. */
export type Messages = typeof fi;
