"""English words for what went wrong with an order and what happened to the customer.

Conditions (faulty, never arrived, wrong item, charged twice) and circumstances (illness, bereavement,
disability, being away) as customers write them, in canonical form (lower case, no apostrophes); the
denials that undo a condition ("works fine", "by mistake"); and the words after "wrong colour" that make
it the customer's taste ("for my kitchen"). The fact reader (:mod:`flow.understanding._facts`) reads them
through the lexicon.
"""

from __future__ import annotations

from flow.understanding.phrases import PhraseSet


def _phrases(text: str) -> PhraseSet:
    return PhraseSet(line.strip() for line in text.replace("\n", "|").split("|"))


FAULTY = _phrases("""
    broken | broke | breaks | faulty | defective | defect | damaged | cracked | smashed | shattered | torn |
    ripped | snapped | fell apart | falling apart | came apart | coming apart | stopped working | doesnt work |
    they dont work | these dont work | those dont work | both dont work | they do not work | dont work properly |
    they dont even work | they dont turn on | wont work properly |
    split at the seam | split at the seams | split along the seam | split along the seams | ripped at the seam |
    came apart at the seam | came apart at the seams | split down the | split on the |
    hundred pieces | million pieces | thousand pieces | several pieces | two pieces | three pieces |
    does not work | not working | isnt working | arent working | wasnt working | no longer works | no longer working |
    wont work | wont turn on | wont even turn on | doesnt even turn on |
    wont even work | doesnt even work | wont even switch on | doesnt turn on | wont switch on | wont charge |
    doesnt charge | dead on arrival | doa | leaking | leaks | leaked | stained | scratched | dented | bent | burnt |
    burned | frayed | malfunction | malfunctioning | came off |
    is coming off | are coming off | keeps coming off | has come off | have come off |
    is coming loose | are coming loose | has come loose | have come loose | came loose | gone loose |
    already coming off | already come off | already coming loose | started to come off | starting to come off |
    started coming off | peeling | peeled | falling to bits | fell to bits |
    not fit for purpose | unusable | bust | busted | knackered | died on me | packed up | seam split | seam came |
    hole in | holes in | missing parts | missing a part | parts missing | doesnt work properly | missing part |
    part missing | missing piece | missing pieces | pieces missing | piece missing | incomplete |
    not working properly | keeps breaking | faulty item | poor condition | bad condition | not as described |
    not match the description | doesnt match the description | didnt match the description |
    dont match the description | not as advertised | not what was described | nothing like the description |
    misdescribed | wrongly described | not as listed | not what was advertised |
    arrived broken | arrived damaged | came broken | seam split | split open | has split | its split |
    a fault with | has a fault | gave up on me | come away | came away | coming away | come apart | comes apart |
    come undone | came undone | coming undone | come loose | came loose | fallen apart | falls apart | fallen off |
    fell off | broken down |
    broke down | no longer works | doesnt work anymore | doesnt work any more | stopped charging | wont start |
    doesnt start | jammed | keeps jamming | shorted | burnt out | burned out | blew up | overheats |
    overheating | rusted | rusty | faded | shrunk | shrank | bobbled | worn through | wore through | worn out |
    fraying | snapped off | cracked on | crack in | cracks in | a crack | tear in | rip in | split in |
    massive crack | huge crack | big crack | large crack | crack down | cracks down | crack across | a big dent |
    a huge dent | massive dent |
    burns everything | burns the toast | burns the food | burns my food | burns my toast | burns the bread |
    a rip | big rip | huge rip | massive rip | large rip | rip on | rip down | rip across | tear on | tear down |
    tear across | big tear | huge tear | massive tear | large tear | a gash | gash in | gash on | stain on |
    stains on | big stain | huge stain | big hole | huge hole | massive hole |
    leak | broken zip | packed in | gave up the ghost | started leaking | started to leak | fell to pieces |
    falling to pieces | came to pieces | wont turn off | doesnt switch on | stopped heating | stopped spinning |
    wont stay on | keeps turning off | cuts out | keeps cutting out | a dent | dents | dented | a scratch | scratches |
    dent in | dent on | big dent | huge dent | massive dent | large dent | deep dent | small dent |
    scratch on | scratch down | scratch across | chipped | a chip | chips in | crushed | squashed | in pieces |
    in bits | doesnt power on | wont power on | not powering on | is stuck | are stuck | keeps sticking |
    keeps getting stuck | scuffed | scuffs | scuff marks | switching itself off | switches itself off |
    turns itself off | turning itself off | a stain | stains | grinding noise | horrible noise | strange noise |
    weird noise | funny noise | loud noise | rattles | rattling | crackles | crackling | buzzing | playing up |
    a crackle | crackly | a buzz | buzzes | a hiss | hissing | a rattle | a hum | humming | static noise |
    full of static | distorted | distortion |
    plays up | acting up | glitchy | glitching | keeps crashing | keeps freezing | freezes | wont load | mouldy |
    moldy | rotten | smells funny | smells weird | smells bad | stinks | missing pieces | pieces missing |
    incomplete | half empty | wobbly | wobbles | is loose | flickers | flickering | wont hold a charge |
    wont hold charge | doesnt hold a charge | doesnt hold charge | no sound | no picture | blank screen |
    black screen | dead pixels | lines on the screen | lines across the screen | screen has lines | lines on it |
    lines down the screen | defects | faults | dodgy | stain | stained | needs fixing | needs repairing |
    needs a repair | needs repair | get it repaired | have it repaired | get it fixed | have it fixed |
    stopped turning on | stopped switching on | stopped powering on | no longer turns on | no longer switches on |
    wont boot | doesnt boot | stopped responding | stopped charging | screen cracked | screen is cracked |
    water damaged | water damage | waterlogged | inside is soaked | inside was soaked | inside were soaked |
    contents are soaked | contents were soaked | everything is soaked | everything was soaked | its soaked |
    it is soaked | it was soaked | they are soaked | theyre soaked | they were soaked | its ruined | it is ruined |
    it was ruined | theyre ruined | they are ruined | they were ruined | inside is ruined | inside was ruined |
    inside are ruined | inside were ruined | arrived ruined | came ruined | soaking wet | sopping wet |
    ceased to function | it has stopped | its stopped | it just stopped | its just stopped |
    they have stopped | theyve stopped | stopped dead | stopped on me | stopped ticking | watch stopped |
    watch has stopped | clock stopped | clock has stopped | ceased functioning | ceased working |
    stopped functioning | no longer functions |
    not functioning | doesnt function | does not function | wont function | failed to work | fails to work |
    came without | arrived without | delivered without | was missing | were missing | is missing the |
    its missing the | its missing a | its missing its | theyre missing the | it was missing the | missing a part |
    missing parts | missing a piece | missing pieces | parts missing | part missing | pieces missing |
    missing from the box | missing from the package | missing from the parcel | wasnt in the box |
    werent in the box | not in the box | wasnt included | werent included | wasnt inside | werent inside |
    only work in one | only works in one | only work on one | only works on one | only one side works |
    only one ear works | only one earbud works | one side doesnt work | one ear doesnt work | one side is dead |
    colour ran | color ran | colours ran | colors ran | dye ran | only charges | doesnt charge fully |
    wont charge fully | wont charge properly | doesnt charge properly | keeps disconnecting | keeps dropping out |
    doesnt close | wont close | doesnt close properly | wont close properly | doesnt shut | wont shut |
    doesnt shut properly | wont stay closed | doesnt stay closed | wont stay shut | doesnt stay shut |
    it wont open | it doesnt open | they wont open | they dont open | wont open properly | drawer wont open |
    door wont open | lid wont open | cant open it | wont lock | doesnt lock | wont seal | doesnt seal |
    doesnt seal properly | lid doesnt fit | lid wont fit | wont zip up | doesnt zip up | zip is stuck | zip stuck |
    zip wont | zip doesnt | wont stay on | doesnt stay on | wont stay up | doesnt stay up | keeps falling off |
    wont connect | doesnt connect | wont pair | doesnt pair | stopped pairing | stopped connecting |
    is missing | are missing | ripping at the seam | ripping at the seams | ripping along the |
    tearing at the seam | tearing at the seams | fabric is tearing | fabric is ripping | material is tearing |
    material is ripping | leather is tearing | leather is cracking | started tearing | started to tear |
    started ripping | started to rip | has come apart | have come apart |
    is coming apart | are coming apart | started splitting | started to split |
    is fraying | are fraying | is peeling | are peeling | is cracking | are cracking | started cracking |
    started to crack | handle is falling off | handle fell off | stitching has gone |
    stitching came | stitching is coming
""")
"""Something wrong with the thing itself: broken, not working, falling apart, or a part of it missing ("it
came without the charger", "the remote was missing")."""
ITEMS_MISSING = _phrases("""
    only one came | only one arrived | only one turned up | only one of them came | only one of them arrived |
    only got one of | only received one of | only part of my order | only half my order | only half of my order |
    only got part of | only received part of | only got half | only received half | rest of my order |
    rest of the order | rest of my items | rest of the items | an item missing | one item missing | item missing |
    items missing | item is missing | items are missing | item was missing | items were missing |
    missing from my order | missing from the order | missing from order | missing from my parcel |
    missing from my delivery | missing from the delivery |
    missing item | missing items | one of the items is missing | one of the items was missing |
    one item didnt come | one item hasnt come | one item never came | one item didnt arrive |
    one item hasnt arrived | one item never arrived | not everything came | not everything arrived |
    didnt get everything | didnt receive everything | havent got everything | havent received everything |
    partial delivery | some items missing | some items are missing | some items were missing |
    forgot to include | left out of my order |
    left out of the parcel | wasnt in the parcel | werent in the parcel | not in the parcel |
    only had one of | only had two of | only contained one of | only contained two of | box only had |
    parcel only had | package only had |
    only one was in the box | only one in the box | only one in the parcel | one of the two was missing |
    one of the two is missing | one of the two never came | one of the two didnt come | missing one of the items |
    missing one of my items | missing an item | missing one item | missing some items | missing some of the items |
    half my order is missing | half of my order is missing | half the order is missing | part of my order is missing |
    part of the order is missing | some of my order is missing | half my order didnt | half my order hasnt |
    part of my order didnt | part of my order hasnt | part of my order never | half my order never |
    rest of my order never | rest of the order never | missing part of my order | missing half my order |
    missing half of my order | missing part of the order | arrived minus the | delivered minus the
""")
"""Part of an order not delivered: items of it that did not come in the parcel ("only one of the two came",
"a shirt was missing from my order"), where a part missing from an item ("it came without the charger")
is ``FAULTY``."""
ARRIVED_EMPTY = _phrases("""
    box was empty | box is empty | parcel was empty | parcel is empty | package was empty | package is empty |
    arrived empty | came empty | nothing inside | nothing in the box | nothing in the parcel | nothing in it |
    empty box | an empty parcel | an empty package | box arrived empty | parcel arrived empty | nothing was inside |
    there was nothing in | it was empty | completely empty | totally empty
""")
"""An order whose parcel came with nothing in it: nothing of it reached the customer, though a box did."""
FAULTY_AGAIN = _phrases("""
    broken again | faulty again | gone wrong again | stopped working again | same problem again | same fault again |
    same problem as the first | same fault as the first | same issue again | the replacement is broken |
    replacement is faulty | replacement is broken | replacement doesnt work | replacement has the same |
    replacement is also | new one is broken | new one is also | new one has the same | new one doesnt work either |
    second one is broken | second one is also | repair didnt fix | repair hasnt fixed | repair did not fix |
    still broken after the repair | still not working after the repair | still faulty after the repair |
    came back from repair broken | came back still broken | came back broken | still doesnt work after |
    broke again | broken once again | another faulty one | another broken one
""")
"""A fault again after a repair or a replacement: the first remedy did not put it right ("the replacement is
also broken", "the repair didn't fix it")."""
UNSAFE = _phrases("""
    caught fire | caught on fire | set on fire | burst into flames | went up in flames | started smoking |
    smoke came out | smoke coming out | sparked | sparking | sparks came out | sparks coming out | exploded |
    blew up in | electric shock | gave me a shock | shocked me | electrocuted | fire hazard | safety hazard |
    got really hot and melted | got very hot and melted | melted a bit | started to melt | started melting |
    began to melt | plastic melted | battery melted | battery got really hot | battery got very hot |
    battery overheated | battery is swelling | battery swelling | battery swelled | battery is bulging | burned my |
    burnt my |
    unsafe | burned me | burnt me | scalded me | overheated and | dangerously hot | smells of burning |
    smell of burning | smells like burning | smelt of burning | smelled of burning | burning smell |
    smells burnt | smells like its burning | plug melted | melted plug | cable melted | wire melted |
    wires melted | socket melted | scorched | scorch marks | overheats | overheating | too hot to touch |
    gets really hot | gets very hot | gets extremely hot | gets so hot | gets dangerously hot | burning hot |
    sparks when | sparks if | sparks every | sparks whenever | keeps sparking | sparks and | sparks out |
    and smoking | smokes when | smokes if | it smokes | keeps smoking |
    tripping the electrics | trips the electrics |
    tripped the electrics | tripping the fuse | trips the fuse | tripped the fuse | blew the fuse | blows the fuse |
    blowing the fuse | trips the power | tripped the power | tripping the power | shorting out |
    gives off smoke | giving off smoke
""")
"""Something wrong that puts people at risk: fire, smoke, sparks, an electric shock."""
NEVER_ARRIVED = _phrases("""
    never arrived | never came | never received | never got it | never got my | never turned up | never showed up |
    stuck in a depot | stuck at the depot | stuck in the depot | stuck at a depot | stuck in transit |
    stuck at the sorting | stuck in customs | stuck at customs | tracking hasnt moved | tracking hasnt updated |
    tracking not updated | tracking hasnt changed | not moved in | hasnt moved in | hasnt moved for |
    never delivered | didnt arrive | didnt come | didnt turn up | hasnt arrived | hasnt come | hasnt turned up |
    hasnt shown up | hasnt been delivered | havent received | not received | not arrived | not delivered |
    wasnt delivered | werent delivered | not turned up | still not here | still hasnt come | still hasnt arrived |
    still waiting for it | still waiting for my order | still waiting for the parcel | lost in the post |
    lost in transit | lost parcel | parcel is lost | parcel was lost | package was lost | parcel went missing |
    package went missing | went missing | no sign of it | no sign of my | no sign of the | did not arrive |
    has not arrived | not shown up | never reached me | didnt reach me | hasnt reached me | delivered to the wrong |
    marked as delivered but | says delivered but | never got the | where is my parcel | wheres my parcel |
    where is my package | says delivered | shows as delivered | marked as delivered | nothing here |
    nothing has come | nothing has arrived | nothing came | got lost | lost my parcel | losing my parcel |
    lost the parcel | lost my order | lost my package | where is my order | wheres my order | wheres my package |
    wheres my stuff | where is my stuff | wheres my delivery | where is my delivery | where are my things |
    wheres my things | where are my items | where are my bits | where is my other order | wheres my other order |
    where is the other order | wheres the other order | where is my other parcel | wheres my other parcel |
    where is my second order | wheres my second order |
    courier lost | lost it in the post | lost in the mail | you lost my | they lost my | never got here |
    has been lost | have been lost | orders been lost | parcels been lost | packages been lost | order was lost |
    order is lost | order got lost | order went missing | parcel is missing | package is missing |
    order is missing | delivery is missing | parcel was missing | package was missing | order was missing |
    delivery was missing | parcels missing | packages missing | parcel missing | package missing |
    not here yet | hasnt arrived yet | still not arrived | still hasnt turned up | not turned up yet |
    still isnt here | isnt here yet | still isnt there | still havent got it | still havent received |
    still not received | still havent had it | still not got it |
    nothing has turned up | nothing turned up | nothing has shown up | parcel was stolen | package was stolen |
    parcel got stolen | package got stolen | parcel has been stolen | package has been stolen | order was stolen |
    delivery was stolen | parcel stolen | package stolen | stole my parcel | stole my package | stole the parcel |
    stolen from my doorstep | stolen off my doorstep | stolen from the doorstep | stolen from my porch |
    stolen from the porch | stolen after delivery | taken from my doorstep | taken off my doorstep |
    cant deliver | cannot deliver | couldnt deliver |
    failed to deliver | yet to arrive | yet to receive | still no parcel | still no sign | still no delivery |
    waiting for delivery | waiting on delivery |
    meant to come | meant to arrive | meant to be delivered | supposed to arrive | supposed to come |
    supposed to be delivered | should have arrived | should have come | should have been delivered |
    its not here | it is not here | its not here yet | not here yet | isnt here yet | still not here |
    supposed to be here | meant to be here | should have been here | should be here by now | supposed to get here |
    meant to get here |
    due to arrive | was due last | was due on | was due to | stuck in transit |
    stuck at the depot | stuck in the depot | stuck at the sorting | stuck at customs | stuck in customs |
    tracking hasnt updated | tracking hasnt changed | tracking hasnt moved | tracking not updated |
    nowhere to be seen | nowhere to be found | cant find it anywhere | cant find the parcel | cant find my parcel |
    cant find the package | cant find my package | parcel isnt here | package isnt here | parcel is not here |
    no parcel was left | no package was left | nothing was left | not on my doorstep | wasnt on my doorstep |
    wasnt on the doorstep | not left anywhere | nothing at my door | nothing at the door | nothing on my doorstep |
    nothing on the doorstep | nothing outside my door | wasnt at my door | not at my door | wasnt at the door |
    tracking says the same | tracking stopped | tracking has stopped | not moved since |
    hasnt moved since | hasnt moved for | hasnt moved in | hasnt updated in | hasnt updated for | hasnt updated since |
    not updated in | not updated for | not updated since | order is late | parcel is late | package is late |
    delivery is late | order is overdue | parcel is overdue | delivery is overdue | order is delayed |
    parcel is delayed | delivery is delayed | order has been delayed | parcel has been delayed |
    order is running late | parcel is running late | delivery is running late |
    still not delivered | late delivery | arriving late | order is very late | parcel is very late |
    its late | it is late | its very late | its overdue | it is overdue | its delayed | its running late |
    its still not here | it still hasnt come | it still hasnt arrived | order is really late |
    delivery has taken a week | delivery has taken weeks | delivery has taken ages | delivery has taken forever |
    delivery is taking | delivery taking | has taken a week so far | taken a week so far | taken weeks so far |
    taking forever to arrive | taking ages to arrive | taking ages to come | taking forever to come |
    still hasnt been delivered | still not turned up | still not come | still not shown up
""")
"""The order never came (or its box came without it)."""
WRONG_ITEM = _phrases("""
    wrong item | wrong size | wrong colour | wrong color | wrong product | wrong one | wrong thing | wrong order |
    wrong model | not what i ordered | isnt what i ordered | not what i asked for | sent me the wrong |
    sent the wrong | got the wrong | received the wrong | delivered the wrong | a different item arrived |
    different colour to | different color to | different size to | different size than | different size from |
    different size from the | not the size on | different size to the one on | not the one i ordered |
    instead of the one i ordered |
    mixed up my order | incorrect item | incorrect size | someone elses order | someone elses | somebody elses |
    not mine | not the one i chose | not the one i picked |
    not what i paid for | not what i bought | not what i chose | isnt what i asked for | isnt the one i ordered |
    didnt order | did not order | never ordered | not something i ordered | not what we ordered |
    mix up with my order | mixed up the order | got muddled |
    sent in error | wrongly sent | sent a different | sent me a different | received a different | got a different |
    got a completely different | got a totally different | received a completely different |
    received a totally different | sent a completely different | sent a totally different |
    sent me a completely different | sent me a totally different | a completely different item arrived |
    is a different item | is a different product | is a completely different | is a totally different |
    was a different item | was a different product | was a completely different | was a totally different |
    arrived is a different | came is a different |
    delivered a different | came in the wrong | arrived in the wrong | colour is wrong | colours wrong |
    color is wrong | colors wrong | size is wrong | sizes wrong | wrong version | wrong style | wrong pair |
    order is wrong | order was wrong | order came wrong | order arrived wrong | order is incorrect |
    order was incorrect | got my order wrong | order is all wrong | order was all wrong
""")
"""The shop sent something other than what was ordered, in so many words."""
CHARGED_TWICE = _phrases("""
    charged twice | charged me twice | charged two times | charged me two times | double charged |
    double charge | double charging | charged double | duplicate charge | duplicate payment | paid twice |
    taken twice | took the money twice | taken the money twice | billed twice | billed me twice |
    two payments | two charges | charged for it twice | charged again | payment went through twice |
    took my money twice | taken my money twice | took the payment twice | taken the payment twice |
    charged my card twice | charged my account twice | paid for it twice | paid for the order twice |
    charged me for it twice | payment was taken twice | money was taken twice | charged 2 times | paid 2 times |
    charging me twice | charging twice | billing me twice | one of the charges | one of the payments |
    the second charge | the extra charge | the duplicate | 2 charges | 2 payments
""")
"""The customer was charged more than once for one order."""
UNAUTHORISED = _phrases("""
    never placed | didnt place this order | didnt place the order | didnt place an order | didnt place it |
    did not place | never ordered | i didnt order this | i didnt order it | i didnt order anything |
    didnt order anything | i did not order | not my order | isnt my order | someone used my card |
    someone has used my card | somebody used my card | used my card without | fraudulent | fraud |
    unauthorised | unauthorized | without my permission | without my consent | on my card without |
    my card without | my account without | on my account without | without me knowing | dont recognise this |
    dont recognize this | dont recognise the charge | dont recognize the charge | dont recognise the order |
    dont recognize the order | i dont recognise | i dont recognize | no idea what this order is |
    card was stolen and | my card details were stolen | been hacked | account was hacked | account has been hacked
""")
"""An order the customer says they never placed: a charge they do not recognise, a card used by someone else."""
OVERCHARGED = _phrases("""
    overcharged | over charged | overcharging | charged too much | charged me too much | charged more than |
    charged me more than | charged the wrong amount | charged me the wrong amount | charged the wrong price |
    charged me the wrong price | wrong amount | wrong price | charged full price | charged me full price |
    charged the full price | discount wasnt applied | discount was not applied | discount didnt apply |
    discount didnt come off | didnt get the discount | did not get the discount | price was wrong |
    price is wrong | paid too much | paid more than | charged an extra | charged extra | charged me extra |
    charged for postage |
    charged for delivery | charged delivery | charged shipping | charged for shipping | discount code didnt work |
    discount code didnt apply | discount code wasnt applied | discount code did not work | promo code didnt work |
    voucher code didnt work | code didnt apply | code wasnt applied | discount didnt go through
""")
"""The customer was charged more than the price: the wrong amount, a discount left off, a charge for
delivery that should have been free. An amount against another ("charged £15 instead of £10") is read by
:func:`flow.understanding.english.mixups.charged_another_amount`."""
ILLNESS = _phrases("""
    hospital | hospitalised | hospitalized | in hospital | surgery | an operation | my operation | was ill |
    been ill | very ill | fell ill | seriously ill | really ill | im ill | illness | unwell | covid | flu | cancer |
    a stroke | heart attack | injured | injury | an accident | broke my | bedridden | chemo | chemotherapy |
    medical emergency | medical reasons | very sick | been sick | was sick | got sick | fell sick | off sick |
    poorly | recovering | intensive care | icu | pneumonia | diagnosed | treatment | in and out of hospital |
    giving birth | gave birth | had a baby | had surgery | having surgery | had an operation | operated on |
    been poorly | been unwell | been in hospital | admitted to hospital | a and e | hospital stay |
    laid up | sick leave | signed off sick | mental health | broken leg | broken arm | broke my leg |
    broke my arm | broke my wrist | concussion | infection | long covid | migraine | seriously unwell |
    heart condition | a medical condition | health condition | health problems | health issues | health reasons |
    heart problem | heart problems | bad back | back problems | back injury | doctors orders | doctor said |
    doctor told me | gp said | gp told me | arthritis | diabetes | asthma | epilepsy | chronic | terminally ill |
    not allowed to exercise | cant exercise anymore | doctor says | my doctor says | doctors says | gp says |
    doctor has told me | doctor advised | medical advice | no exercise | cant exercise | cannot exercise |
    not supposed to exercise | told not to exercise | advised not to exercise | physio says | hurt my knee |
    hurt my back | hurt my leg | hurt my ankle | hurt my shoulder | hurt my foot | hurt my hip | hurt my wrist |
    injured my | sprained my | dislocated my | pulled a muscle | torn a ligament | tore a ligament |
    twisted my ankle | twisted my knee | cant train | cannot train | unable to train | cant work out |
    broken my leg | broken my arm | broken my wrist | broken my ankle | broken my foot | broken my hip |
    broken my back | broken my knee | broken my collarbone | fractured my | a fracture | on crutches |
    in a cast | leg in plaster | arm in plaster | tore my acl | torn my acl | torn acl | ruptured my | acl |
    tore my ligament | torn ligament | torn ligaments | tore a muscle | torn muscle | torn hamstring |
    tore my hamstring | torn achilles | tore my achilles | meniscus | slipped disc | herniated disc |
    medical reason | medical thing | medical grounds | medical issue | doctors note | sick note | fit note |
    medical certificate | medical note | physiotherapist has advised | physio has advised | physio says |
    physiotherapist says | doctor has advised | doctor advised | gp has advised | gp advised | doctor advised against |
    on medical advice | my knees are shot | my knee is shot | my back is shot | knees are no longer |
    bad knees | bad back | arthritis | chronic pain | long covid | midwife said | midwife says | midwife told me |
    midwife advised | midwife has told me | midwife has advised | car accident | car crash | bike accident |
    cycling accident | accident at work | neck brace | back brace | knee brace | in a brace | in a sling |
    whiplash | depression | depressed | anxiety | panic attacks | signed off work | signed off with |
    off work with stress | stress leave | burnout | burnt out | burned out | nervous breakdown |
    hip replacement | knee replacement | shoulder replacement | the operation | after my operation |
    knee is acting up | back is acting up | knee is playing up | back is playing up | knee keeps acting up
""")
"""The customer was ill, in hospital or hurt."""
DISABILITY = _phrases("""
    im disabled | i am disabled | being disabled | my disability | a disability | disabled person |
    in a wheelchair | use a wheelchair | wheelchair user | housebound | house bound | mobility issues |
    mobility problems | limited mobility | cant leave the house | cannot leave the house |
    unable to leave the house | cant get out of the house | cant walk | blue badge | cant get to the post office |
    couldnt get to the post office | cannot get to the post office | unable to get to the post office |
    cant get to a post office | couldnt get to a post office | cant get out much
""")
"""The customer has a disability that made returning hard."""
AWAY = _phrases("""
    abroad | overseas | out of the country | on holiday | on vacation | travelling | traveling | away for work |
    away on business | working away | on a business trip | away from home | been away | was away | were away |
    was travelling | been travelling | was traveling | been traveling | travelling for work | traveling for work |
    on a work trip | away for work
""")
"""The customer was away from home (which a policy may weigh, or only note)."""
MOVING = _phrases("""
    moving abroad | moving overseas | moving away | moving house | moving to another country |
    moving to another city | moving to a different city | moving out of the area | moving out of town |
    emigrating | relocating | relocate | relocated | move abroad | move away | moving for work |
    im moving to | i am moving to | were moving to | we are moving to | im moving in | moved house | moved away |
    moved abroad | moved to another | have moved | i moved to | we moved to | getting transferred |
    being transferred | leaving the area | moving country | moving countries |
    moving to a new country | moving to a new city | moving to a different country | moving out of state |
    moving interstate | job in another city | job in another town | job in a different city | job abroad |
    job overseas | going back to my country | back to my country | back to my home country |
    returning to my country | moving back home | going home for good | i move to another country |
    move to another country | no gym of yours | no gyms of yours | none of your gyms | no branch near |
    no branches near | none of your branches | too far from your | too far away from your |
    no longer live near |
    no longer in the area | not in the area anymore | im actually moving to | no longer living here |
    no longer living near | nowhere near any of your | nowhere near your | not near any of your |
    far from any of your | miles from any of your | miles away from your | no gyms near | no gym near |
    nearest gym is | closest gym is | nearest branch is | closest branch is | nearest gym of yours |
    closest gym of yours | nearest of your gyms | closest of your gyms
""")
"""The customer is moving away (which a contract with a place, like a gym's, may weigh)."""
HARDSHIP = _phrases("""
    lost my job | losing my job | lose my job | lost our jobs | lost his job | lost her job | made redundant |
    been made redundant | being made redundant | redundancy | laid off | been laid off | got laid off |
    out of work | unemployed |
    lost my income | no income | cant afford | cannot afford | can no longer afford | cant pay for it |
    struggling financially | struggling with money | financial difficulty | financial difficulties |
    financial hardship | money is tight | money's tight | moneys tight | tight for money | short of money |
    on benefits | cost of living | in debt | got the sack | got sacked | been sacked | fired from my job |
    lost my work | hours were cut | hours have been cut | pay was cut
""")
"""The customer is short of money: out of work, made redundant, unable to afford it (which a contract,
like a gym's, may weigh)."""
CARING = _phrases("""
    full time carer | fulltime carer | full-time carer | her carer | his carer | their carer | a carer for |
    carer for my | caring for my | care of my mum | care of my dad | looking after my mum | looking after my dad |
    looking after my mother | looking after my father | looking after my wife | looking after my husband |
    looking after my partner | look after my mum | look after my dad | look after my mother |
    look after my father | dementia | alzheimers
""")
"""The customer cares for someone close (which a policy may weigh, or only note)."""
PROMISED = _phrases("""
    your colleague said | your colleague told me | your colleague promised | a colleague said |
    a colleague told me | one of your colleagues said | was told by your | was told by a | i was told by |
    was promised a | you promised me a | you promised me i | you promised me that | you promised a | you promised i |
    customer service said | customer services said | customer service told me | customer services told me |
    the agent said | an agent said | your agent said | the agent told me | an agent told me |
    on the phone said | on the phone told me | the person on the phone | someone on the phone said |
    the lady on the phone | the man on the phone | the guy on the phone | your manager said | a manager said |
    the manager told me | your staff said | your staff told me | the shop said | the store said |
    they said i would | they said id | they told me i would | they told me id | i was assured | was assured |
    was told on the phone | told on the phone | was told in store | was told in the shop | i was told id |
    i was told i would | i was told i could | i was told i can | was told i would get | was told id get |
    you said id get | you said i would get | you said i could | you told me id | you told me i would
""")
"""Someone at the company told the customer they would have what they ask for (which only a person can
check)."""
BEREAVEMENT = _phrases("""
    passed away | passed on | death | funeral | bereavement | bereaved | lost my mum | lost my mom | lost my dad |
    lost my mother | lost my father | lost my husband | lost my wife | lost my son | lost my daughter |
    lost my brother | lost my sister | lost my gran | lost my nan | lost my grandmother | lost my grandfather |
    lost my grandad | lost my partner | lost my friend | lost a family member | family bereavement |
    death in the family | sudden loss | recent loss | lost a loved one | loved one | lost my baby | miscarriage |
    cremation | memorial | grieving | grief
""")
"""Someone close to the customer died."""
DENIALS = _phrases("""
    nothing wrong | not broken | isnt broken | not faulty | isnt faulty | not damaged | isnt damaged | works fine |
    works perfectly | working fine | no fault | no damage | nothing is wrong | its fine | it is fine |
    perfectly fine | in perfect condition | brand new | unused | unopened | wont work for me | wont work for us |
    doesnt work for me | does not work for me | not work for me | works for me | i ordered the wrong |
    i bought the wrong | i picked the wrong | by mistake | my mistake | my fault | i chose the wrong |
    code doesnt work | code isnt working | code not working | code wont work | code didnt work | link doesnt work |
    link isnt working | link not working | website isnt working | website doesnt work | site isnt working |
    site doesnt work | app isnt working | app doesnt work | password doesnt work | login doesnt work |
    card doesnt work | card was declined | card got declined | payment didnt work | payment failed
""")
"""Words that undo a condition in the same clause: nothing is wrong, or the mistake was the customer's."""

UNSUITED_AFTER = _phrases("""
    for my | for me | for our | for us | for him | for her | for them | for what i | for the room | for the space
""")
"""Words after "wrong colour" or "wrong size" that make it the customer's taste or needs."""
MONEY_SUBJECTS = _phrases("""
    refund | refunds | money | reimbursement | payment | credit | store credit | cash | funds | voucher |
    compensation | the payment | my payment
""")
"""What "hasn't arrived" or "no sign of" is about when it is money the shop owes, not the parcel."""
