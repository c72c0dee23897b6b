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
  when running use using used our's against
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
  security secure service services policy policies run runs running operate operates maintain maintains platform
`);

/**
 * Words that point at a task only about a named service: a stolen Snowball device is a question
 * of who guards it, a stolen laptop is not a question about AWS at all. Weighted like the broad
 * words, so alone they never make a general answer.
 */
export const SERVICE_BOUND_WORDS = stemmed(`
  stolen stole theft
`);

/** Questions about these are out of scope however they mention a service. */
export const OFF_TOPIC_WORDS = stemmed(`
  price prices pricing cost costs costing billing billed bill bills invoice invoices cheap cheaper cheapest
  expensive discount discounts spend spending budget savings refund refunds charge charges fee fees
  weather forecast rain sunny temperature joke jokes movie movies song songs poem poems lyrics
  football soccer basketball lottery horoscope stock stocks bitcoin cryptocurrency salary
`);
