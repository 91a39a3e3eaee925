import type { PageMessages } from '../../i18n/usePageMessages.js';

/** Sentences of the action list: figures come in already formatted, "<5" where withheld. */
export interface ActionsMessages {
  title: string;
  hint: string;
  limit: string;
  none: string;
  loading: string;
  download: string;
  fileTitle: string;
  withheld: string;
  close: (unit: string) => string;
  open: (unit: string) => string;
  move: (unit: string) => string;
  resize: (unit: string) => string;
  hours: (unit: string) => string;
  /** A unit with several kinds of change: "Move and resize X". */
  several: (unit: string) => string;
  shift: (serviceClass: string, percent: string, channel: 'remote' | 'digital') => string;
  longer: (residents: string, minutes: string | null, aged75: string) => string;
  shorter: (residents: string, minutes: string | null, aged75: string) => string;
  acrossLimitLonger: (residents: string, limit: string) => string;
  acrossLimitShorter: (residents: string, limit: string) => string;
  unreachable: (residents: string, max: string) => string;
  noAccessChange: string;
  where: (places: string) => string;
  capacity: (before: string, after: string) => string;
  utilisation: (before: string, after: string) => string;
  demand: (before: string, after: string) => string;
  unexplained: (serviceClass: string, residents: string) => string;
}

const fi: ActionsMessages = {
  title: 'Toimenpiteet ja niiden vaikutukset',
  hint: 'Muutokset toimenpiteinä, joista ohjausryhmä päättää: kenen matka pitenee tai lyhenee, missä he asuvat ja mitä toimipisteen kapasiteetille tapahtuu. Pidempi matka kirjataan toimenpiteelle, joka koski ennen lähintä toimipistettä; lyhyempi sille, joka koskee nyt lähintä.',
  limit: 'Raja-aika (min)',
  none: 'Ei muutoksia. Lisää muutos kartalta tai toimipisteluettelosta.',
  loading: 'Lasketaan…',
  download: 'Lataa tekstinä',
  fileTitle: 'Skenaarion toimenpiteet',
  withheld: '<5',
  close: (unit) => `Suljetaan ${unit}`,
  open: (unit) => `Avataan ${unit}`,
  move: (unit) => `Siirretään ${unit}`,
  resize: (unit) => `Muutetaan kapasiteettia: ${unit}`,
  hours: (unit) => `Muutetaan aukioloaikoja: ${unit}`,
  several: (unit) => `Useita muutoksia: ${unit}`,
  shift: (serviceClass, percent, channel) =>
    `${serviceClass}: ${percent} % käynneistä siirtyy ${channel === 'remote' ? 'etäpalveluun' : 'digitaalisiin palveluihin'}`,
  longer: (residents, minutes, aged75) =>
    `${residents} asukkaan matka pitenee${minutes === null ? '' : ` keskimäärin ${minutes} min`}; heistä ${aged75} on 75 vuotta täyttäneitä.`,
  shorter: (residents, minutes, aged75) =>
    `${residents} asukkaan matka lyhenee${minutes === null ? '' : ` keskimäärin ${minutes} min`}; heistä ${aged75} on 75 vuotta täyttäneitä.`,
  acrossLimitLonger: (residents, limit) => `${residents} asukasta jää yli ${limit} min päähän.`,
  acrossLimitShorter: (residents, limit) => `${residents} asukasta pääsee ${limit} minuutin sisälle.`,
  unreachable: (residents, max) =>
    `${residents} asukkaalle ei jää toimipistettä ${max} minuutin matkan sisälle.`,
  noAccessChange: 'Matka-ajat eivät muutu.',
  where: (places) => `Eniten: ${places}.`,
  capacity: (before, after) => `Kapasiteetti ${before} → ${after} vuodessa.`,
  utilisation: (before, after) => `Käyttöaste ${before} → ${after}.`,
  demand: (before, after) => `Lähikäyntien kysyntä ${before} → ${after} vuodessa.`,
  unexplained: (serviceClass, residents) =>
    `${serviceClass}: ${residents} asukkaan matka-aika muuttuu tavalla, jota mikään yksittäinen toimenpide ei selitä.`,
};

const sv: ActionsMessages = {
  title: 'Åtgärder och deras verkningar',
  hint: 'Ändringarna som åtgärder som styrgruppen beslutar om: vems resa blir längre eller kortare, var de bor och vad som händer med verksamhetsställets kapacitet. En längre resa förs till åtgärden på det ställe som tidigare var närmast, en kortare till åtgärden på det ställe som nu är närmast.',
  limit: 'Tidsgräns (min)',
  none: 'Inga ändringar. Lägg till en ändring på kartan eller i listan över verksamhetsställen.',
  loading: 'Beräknar…',
  download: 'Ladda ner som text',
  fileTitle: 'Scenariots åtgärder',
  withheld: '<5',
  close: (unit) => `${unit} stängs`,
  open: (unit) => `${unit} öppnas`,
  move: (unit) => `${unit} flyttas`,
  resize: (unit) => `Kapaciteten ändras: ${unit}`,
  hours: (unit) => `Öppettiderna ändras: ${unit}`,
  several: (unit) => `Flera ändringar: ${unit}`,
  shift: (serviceClass, percent, channel) =>
    `${serviceClass}: ${percent} % av besöken flyttas till ${channel === 'remote' ? 'distanstjänster' : 'digitala tjänster'}`,
  longer: (residents, minutes, aged75) =>
    `Resan blir längre för ${residents} invånare${minutes === null ? '' : `, i medeltal ${minutes} min`}; av dem är ${aged75} 75 år eller äldre.`,
  shorter: (residents, minutes, aged75) =>
    `Resan blir kortare för ${residents} invånare${minutes === null ? '' : `, i medeltal ${minutes} min`}; av dem är ${aged75} 75 år eller äldre.`,
  acrossLimitLonger: (residents, limit) => `${residents} invånare hamnar längre bort än ${limit} min.`,
  acrossLimitShorter: (residents, limit) => `${residents} invånare kommer inom ${limit} min.`,
  unreachable: (residents, max) => `${residents} invånare har inget verksamhetsställe inom ${max} min.`,
  noAccessChange: 'Restiderna ändras inte.',
  where: (places) => `Mest i: ${places}.`,
  capacity: (before, after) => `Kapacitet ${before} → ${after} per år.`,
  utilisation: (before, after) => `Användningsgrad ${before} → ${after}.`,
  demand: (before, after) => `Efterfrågan på närbesök ${before} → ${after} per år.`,
  unexplained: (serviceClass, residents) =>
    `${serviceClass}: restiden ändras för ${residents} invånare på ett sätt som ingen enskild åtgärd förklarar.`,
};

const en: ActionsMessages = {
  title: 'Actions and their effects',
  hint: 'The changes as actions a steering group decides: whose trip gets longer or shorter, where they live, and what happens to the unit’s capacity. A longer trip is put on the action on the unit that was nearest before; a shorter one on the action on the unit nearest now.',
  limit: 'Time limit (min)',
  none: 'No changes. Add a change on the map or in the list of units.',
  loading: 'Computing…',
  download: 'Download as text',
  fileTitle: 'Actions of the scenario',
  withheld: '<5',
  close: (unit) => `Close ${unit}`,
  open: (unit) => `Open ${unit}`,
  move: (unit) => `Move ${unit}`,
  resize: (unit) => `Change the capacity of ${unit}`,
  hours: (unit) => `Change the opening hours of ${unit}`,
  several: (unit) => `Several changes to ${unit}`,
  shift: (serviceClass, percent, channel) =>
    `${serviceClass}: ${percent} % of visits move to ${channel === 'remote' ? 'remote care' : 'digital services'}`,
  longer: (residents, minutes, aged75) =>
    `${residents} residents travel longer${minutes === null ? '' : `, ${minutes} min more on average`}; ${aged75} of them are aged 75 or over.`,
  shorter: (residents, minutes, aged75) =>
    `${residents} residents travel less${minutes === null ? '' : `, ${minutes} min less on average`}; ${aged75} of them are aged 75 or over.`,
  acrossLimitLonger: (residents, limit) => `${residents} residents end up beyond ${limit} min.`,
  acrossLimitShorter: (residents, limit) => `${residents} residents come within ${limit} min.`,
  unreachable: (residents, max) => `${residents} residents are left with no unit within ${max} min.`,
  noAccessChange: 'Travel times do not change.',
  where: (places) => `Most in: ${places}.`,
  capacity: (before, after) => `Capacity ${before} → ${after} a year.`,
  utilisation: (before, after) => `Utilisation ${before} → ${after}.`,
  demand: (before, after) => `In-person demand ${before} → ${after} a year.`,
  unexplained: (serviceClass, residents) =>
    `${serviceClass}: the travel time of ${residents} residents changes in a way no single action explains.`,
};

export const actionsMessages: PageMessages<ActionsMessages> = { fi, sv, en };
