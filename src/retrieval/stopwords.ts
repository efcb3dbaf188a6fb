/** Function words of Italian and English questions and plans; they carry no topic, so neither index nor query keeps them. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  // Italian
  (
    'il lo la i gli le un uno una un di a da in con su per tra fra e ed o od ma che chi cui non come dove quando ' +
    'quale quali quanto quanti quanta quante del dello della dei degli delle al allo alla ai agli alle dal dallo ' +
    'dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col coi sono essere ' +
    'stato stata stati state ha hanno ho hai abbiamo avere aveva avevano sia anche piu questo questa questi queste ' +
    'quello quella quelli quelle si ne ci vi mi ti suo sua suoi sue loro lui lei esso essa cosa sono era erano ' +
    'nostro nostra vostro vostra gia ad al ogni tutto tutti tutta tutte mio mia tuo tua dell all dall nell sull ' +
    'degl quell cio pero poi se senza sempre molto molti dopo prima qual c l d s n nr dott ssa sig sigra ing avv geom rag ' +
    // English
    'the an of to on for and or is are was were be been being by with at from as what which who whom whose how ' +
    'many much does do did doing have has had having this that these those it its their theirs there here when ' +
    'where why can could would should will shall may might any all about into over than then them they we you ' +
    'your our my me he she his her him us if not no yes so such also only very some more most other each per ' +
    'please tell show list give get find'
  ).split(/\s+/),
);
