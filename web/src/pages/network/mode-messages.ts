import type { TravelMode, TravelModeUnavailable } from '../../../../src/model/index.js';
import type { PageMessages } from '../../i18n/usePageMessages.js';

interface ModeMessages {
  title: string;
  hint: string;
  compare: string;
  choice: string;
  modes: Record<TravelMode, string>;
  caption: string;
  mode: string;
  within: (minutes: string) => string;
  median: string;
  unreachable: string;
  unavailable: Record<TravelModeUnavailable, string>;
  percent: (value: string) => string;
  minutes: (value: string) => string;
  none: string;
  loading: string;
}

const fi: ModeMessages = {
  title: 'Kulkutavat rinnakkain',
  compare: 'Vertaa kulkutapoja',
  hint: 'Osuus kaikista asukkaista, joilla on lähin toimipiste annetun ajan sisällä, ja asukkaiden matka-ajan mediaani kulkutavoittain. Joukkoliikenteen aika on 75. persentiili lähtöhetkistä klo 7–9 arkipäivänä. Ne, joilta ei ole yhteyttä, lasketaan kaikkia aikoja kauemmas.',
  choice: 'Kulkutapa',
  modes: { car: 'Henkilöauto', transit: 'Joukkoliikenne', walk: 'Kävely', bike: 'Polkupyörä' },
  caption: 'Saavutettavuus kulkutavoittain',
  mode: 'Kulkutapa',
  within: (minutes) => `Osuus ${minutes} min sisällä`,
  median: 'Matka-ajan mediaani',
  unreachable: 'Ei yhteyttä',
  unavailable: {
    noTimetable: 'ei laskettavissa: aikataulua (GTFS) ei ole tuotu',
    noRoadNetwork: 'ei laskettavissa: tieverkkoa ei ole tuotu',
    noWeekdayService: 'ei laskettavissa: aikataulussa ei ole arkipäivän vuoroja',
  },
  percent: (value) => `${value} %`,
  minutes: (value) => `${value} min`,
  none: '–',
  loading: 'Lasketaan…',
};

const sv: ModeMessages = {
  title: 'Färdsätt sida vid sida',
  compare: 'Jämför färdsätt',
  hint: 'Andelen av alla invånare med närmaste verksamhetsställe inom given tid, och medianen av invånarnas restid, per färdsätt. Kollektivtrafikens tid är 75:e percentilen av avgångarna kl. 7–9 en vardag. Invånare utan förbindelse räknas längre bort än alla tider.',
  choice: 'Färdsätt',
  modes: { car: 'Bil', transit: 'Kollektivtrafik', walk: 'Gång', bike: 'Cykel' },
  caption: 'Tillgänglighet per färdsätt',
  mode: 'Färdsätt',
  within: (minutes) => `Andel inom ${minutes} min`,
  median: 'Median av restiden',
  unreachable: 'Ingen förbindelse',
  unavailable: {
    noTimetable: 'kan inte beräknas: ingen tidtabell (GTFS) har importerats',
    noRoadNetwork: 'kan inte beräknas: inget vägnät har importerats',
    noWeekdayService: 'kan inte beräknas: tidtabellen har inga turer på vardagar',
  },
  percent: (value) => `${value} %`,
  minutes: (value) => `${value} min`,
  none: '–',
  loading: 'Beräknas…',
};

const en: ModeMessages = {
  title: 'Travel modes side by side',
  compare: 'Compare travel modes',
  hint: 'The share of all residents whose nearest unit is within each time, and the median travel time of residents, by mode. Public transport is the 75th percentile of departures 7:00–9:00 on a weekday. Residents with no connection count as beyond every time.',
  choice: 'Travel mode',
  modes: { car: 'Car', transit: 'Public transport', walk: 'Walking', bike: 'Bicycle' },
  caption: 'Access by travel mode',
  mode: 'Travel mode',
  within: (minutes) => `Share within ${minutes} min`,
  median: 'Median travel time',
  unreachable: 'No connection',
  unavailable: {
    noTimetable: 'not computed: no timetable (GTFS) imported',
    noRoadNetwork: 'not computed: no road network imported',
    noWeekdayService: 'not computed: the timetable runs no weekday trips',
  },
  percent: (value) => `${value} %`,
  minutes: (value) => `${value} min`,
  none: '–',
  loading: 'Computing…',
};

export const modeMessages: PageMessages<ModeMessages> = { fi, sv, en };
