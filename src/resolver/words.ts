/**
 * Small word lists the resolver relies on. They are about how people ask, not about AWS:
 * AWS knowledge lives in knowledge/.
 */
import { stem } from '../text/stem';

const stemmed = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(stem));

/** Function words and question scaffolding: they carry little meaning on their own. */
export const STOPWORDS = stemmed(`
  a an the and or but if then so of for on in at to from by with without into onto about over under via per
  who whom whose what which when where why how is are was were be been being am do does did done doing
  have has had having i me my mine we us our ours you your yours they them their it its this that these those
  there here can could should would will shall may might must need needs let lets please pls plz
  tell show explain give know say said ask asking question quick q hey hi hello yo team folks all everyone
  anyone someone somebody anybody one thing things stuff just really actually also too very much many
  not no yes yeah ok okay right correct true false sure isnt arent doesnt dont didnt wont cant shouldnt
  wondering wonder curious confused think thought assume assuming guess believe mean
  aws amazon cloud customer customers provider side part parts
  am im ive weve were youre theyre thats whats whos hows wheres
  if whether either neither both each every any some
  regarding re wrt vs versus etc eg ie
  when running use using used our's
`);

/** Words that ask for the division of work in general: a service alone plus these asks for its matrix. */
export const OVERVIEW_WORDS = stemmed(`
  own owns owner owners ownership owning responsible responsibility responsibilities accountable accountability
  job jobs duty duties handle handles handled handling manage manages managed managing take takes care
  security secure shared model matrix overview summary breakdown split divide division line boundary
  what whats everything anything things overall general about
`);

/**
 * Broad words that go with almost any task ("configure security groups", "manage backups"):
 * they count, but less than the words that name the task.
 */
export const GENERIC_WORDS = stemmed(`
  config configure configures configured configuring configuration configurations setting settings setup set
  manage manages managed managing management enable enables enabled control controls data protect protection
  security secure service services policy policies run runs running operate operates maintain maintains
`);

/** Questions about these are out of scope however they mention a service. */
export const OFF_TOPIC_WORDS = stemmed(`
  price prices pricing cost costs costing billing billed bill bills invoice invoices cheap cheaper cheapest
  expensive discount discounts spend spending budget savings reserved refund refunds charge charges fee fees
  weather forecast rain sunny temperature joke jokes recipe recipes movie movies song songs poem poems lyrics
  football soccer basketball lottery horoscope stock stocks bitcoin crypto salary
`);

/**
 * Ordinary chat words that must never be "corrected" into knowledge-base vocabulary by the
 * fuzzy matcher (e.g. "handles" must not become "handle" of some alias).
 */
export const COMMON_WORDS = new Set(
  `
  responsible responsibility responsibilities accountable handles handling handled manages managing managed
  whose anybody someone somebody everyone everything anything nothing something question questions
  please thanks thank cheers wondering curious confused understand understanding correct correctly right
  actually really basically exactly probably maybe perhaps certainly definitely should would could might
  going doing having being getting making taking using running happen happens happened happening
  company organization organisation business enterprise project projects production staging environment
  environments account accounts instance instances server servers cluster clusters service services resource
  resources workload workloads system systems thing things people person engineer engineers developer
  developers admin admins administrator operator operators customer customers provider providers vendor
  amazon google microsoft azure oracle kubernetes docker linux windows
  about above after again against before below between during except inside outside through toward under until
  upon within without another other others every either neither whether which while where there their these
  those because since though although unless hello great awesome happy today tomorrow yesterday morning
  evening night weekend monday tuesday wednesday thursday friday saturday sunday january february march april
  june july august september october november december quarter month months weeks years
  write writes writing written create creates creating created delete deletes deleted build builds building
  deploy deploys deployed deploying migrate migrating migration moving setup setting settings choose choosing
  enable enables enabled enabling disable disabled turn turns allowed allow allows block blocked
  ignore previous instructions prompt pretend reveal print system
  weather forecast pricing billing invoice expensive cheaper discount budget recipe football
  `
    .split(/\s+/)
    .filter(Boolean),
);
