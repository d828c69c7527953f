"""English: the phrases, words and detectors the act and fact readers look for.

Phrases are in canonical form (lower case, no apostrophes, shorthand spelled out: "dont", "id",
"ill", "thats"). They were written for tactful from how customers write in chat boxes, not taken from
any data set.
"""

from __future__ import annotations

from flow.understanding import _rules
from flow.understanding._threat import is_threat
from flow.understanding.english import comparisons, conditions, feelings
from flow.understanding.english.buyers import bought_by_another
from flow.understanding.english.dates import DATE_HINTS, NUMBER_WORDS, PURCHASE_WORDS, read_dates
from flow.understanding.english.deaths import who_died
from flow.understanding.english.mixups import charged_another_amount, refunded_short, sent_something_else
from flow.understanding.english.times import call_time
from flow.understanding.lexicon import Lexicon, with_familiar_words
from flow.understanding.phrases import PhraseSet


def _phrases(text: str) -> PhraseSet:
    return PhraseSet(line.strip() for line in text.replace("\n", "|").split("|"))


_YES = _phrases("""
    yes | yes please | ok | sure | fine | alright | all right | go on | go ahead | sounds good | sounds great |
    sounds fine | sounds perfect | that works | works for me | please do | deal | perfect | great | lovely |
    brilliant | absolutely | definitely | of course | ill take it | i will take it | ill have it | lets do it |
    lets do that | why not | agreed | i agree | go for it | do it | that would be good |
    that would be lovely | that would be fine | that would be perfect | thatd be great | i accept | accept |
    happy with that | im happy with that | i am happy with that | happy to | that is fine | thats fine | thats ok |
    thats great | thats perfect | that is perfect | that one is fine | correct | thats right | that is right |
    exactly | indeed | aye | certainly | cool | nice | excellent | super | good | yes yes | yes sure | yes ok |
    ok sure | ok fine | ok then | fine then | okay then | right then | if i must | i suppose | i guess |
    i suppose so | i guess so | yes i suppose | go on then | fair enough | that will do | thatll do | will do |
    yes that | yes that one | that sounds good | that sounds fine | sure thing | yes definitely | yes of course |
    ok go on | ok lets do it | yes lets do it | grand | yes go ahead | yes go on | ok go ahead | yeap | uh-huh |
    uhhuh | uh huh | mhm | mhmm | mmhm | awesome | sweet | wonderful | fab | fabulous | spot on | sound | ideal |
    marvellous | splendid | smashing | fantastic | amazing | brill | ace | terrific | superb | lush |
    ok whatever | okay whatever | fine whatever | whatever then | whatever i guess | ok whatever then | ya |
    ya thanks | ya sure | ya ok | ya please
""")
_NO = _phrases("""
    no | no thanks | no thank you | not really | not interested | im not interested | neither | none | nothing |
    dont think so | dont believe so | doubt it |
    no way | never | ill pass | i will pass | pass | rather not | id rather not | i would rather not |
    not for me | no good | no chance | not at all | absolutely not | definitely not |
    of course not | no deal | i decline | decline | i refuse | not that | not keen | im not keen | no sorry |
    sorry no | dont want it | i dont want it | i dont want that | no i dont | i dont | nope | not good enough |
    that doesnt work | that doesnt work for me | that wont work | that is no good | thats no good | thats not ok |
    not ok | no not really | not today | no its fine | no need | no no | hard pass | no ta | not that one |
    nah thanks | hell no | oh hell no | god no | no way | definitely not | nah none | nah not | no none
""")
_REJECT_ALL = _phrases("""
    neither | none | neither of those works | neither works | none of them | none of those | none of these |
    neither of them | neither of those | neither of these | neither one | not either | no to both |
    i dont want either | i dont want any | dont want either | dont want any | nothing | not interested | no thanks |
    no thank you | neither works | neither option | none of the options | i dont want any of them |
    not any of them | not keen on either | not keen on any | im not keen on either | dont fancy either |
    dont like either | neither appeals | not interested in either | not interested in any |
    both are rubbish | both are useless | both are no good | both rubbish | both useless | both pointless |
    theyre both rubbish | theyre both useless | theyre both no good | they are both rubbish | both are pointless |
    both no good | both terrible | both are terrible | theyre both terrible | neither is any good | both crap |
    theyre both crap | both are crap | no to either | no to all | no to all of them | none of that
""")
_DONE = _phrases("""
    no | nope | no thanks | no thank you | im good | i am good | im fine | im ok | all good | nothing |
    nothing else | not really | not at the moment | not right now | not now | thats all | that is all | thats it |
    that is it | thats everything | that is everything | all sorted | thats all for now | that will be all |
    thatll be all | im all set | all set | no im good | no all good | no that is all | im done | i am done |
    all done | nothing more | no more | that was all | thats all i needed | that is all i needed |
    thats all i wanted | no need | no i think thats it | i think thats it | i think thats all |
    no i think thats all | were all good | were good | all good thanks | were all sorted | we are all good |
    that will be it
""")
_GOODBYE = _phrases("""
    bye | bye bye | goodbye | good bye | see you | see ya | see you later | cya | take care | have a good day |
    tootles | toodles | toodle pip | ta ta | tata | ttyl | catch you later |
    have a nice day | have a great day | have a lovely day | have a nice one |
    have a good evening | have a nice evening | have a good weekend | have a nice weekend | have a good afternoon |
    thats all | that is all | thats everything | that is everything | thats all for now | nothing else | all done |
    im done | i am done | speak soon | talk soon | laters | ttyl | over and out | signing off | catch you later |
    good night | night night | all sorted | thats all i needed | that is all i needed | thats all i wanted |
    thats it for now | that will be all | thatll be all | im off | ill leave it there | ill leave it at that |
    leave it there | im all set | thats all thanks | until next time | ta ra | tara | im outta here | i need to go |
    i have to go | i gotta go | got to go | gotta go | im leaving | i am leaving | leaving now | going now |
    must go | off now | bye for now | ciao | adios | au revoir | cheerio | ttfn | toodles |
    bye now | close my case | close the case | close this case | close my ticket | close the ticket |
    close this ticket | close the chat | close this chat | you can close this | mark it as resolved |
    mark this as resolved | stop messaging me | stop messaging | stop texting me | stop sending me messages |
    dont message me again | please stop messaging
""")
_THANKS = _phrases("""
    thanks | thank you | thank | cheers | appreciate it | appreciate that | i appreciate | much appreciated |
    appreciated | grateful | im grateful | ta | thanks so much | thanks a lot | thank ya | thanks ya | cheers ya |
    thank you very much | many thanks | thanks again | thanks very much | ty | thankful | great help |
    been a great help | been very helpful | been so helpful | been really helpful | been helpful | youre the best |
    you are the best | youre a star | you are a star | youre a legend | legend | lifesaver | life saver |
    super helpful | really helpful | very helpful | so helpful | most helpful | merci | merci beaucoup | gracias |
    danke | thanks loads | thank you kindly | nice one
""")
_NOT_THANKS = _phrases("""
    no thanks | no thank you | nah thanks | no thank | thanks but no | thanks but no thanks | thanks for nothing |
    thank you for nothing | cheers for nothing | thanks a bunch | thanks a lot for nothing |
    thanks for absolutely nothing | thank you for absolutely nothing | no ta | no cheers | ta ra | tara
""")
_REFUND = _phrases("""
    refund | refunds | refunded | refunding | money back | my money | mony back | my mony | monies back | my £ back |
    the £ back | £ back | couldnt return | could not return | wasnt able to return | was not able to return |
    unable to return | didnt get to return | didnt manage to return | didnt get round to returning |
    reimburse | reimbursed | reimbursement |
    reimbursements | reimbursing | repay | repaid | pay me back | cash back | rebate | rebates | my cash |
    the money | get reimbursed | be reimbursed | return it for | send it back for | full refund | compensate me |
    compensation for | charge reversed | fee back | fees back | charge back | charges back | cost back |
    costs back | postage back | price back
""")
_CANCEL = _phrases("""
    cancel | cancelled | canceled | cancelling | canceling | cancellation | stop my order | stop the order |
    stop the delivery | stop it shipping | stop it from shipping | stop it being sent | dont send it |
    dont ship it | call off | halt the order | hold the order | void the order | cancel it | not send it |
    terminate | unsubscribe | end my subscription | end my membership | close my account | stop order |
    stop this order | stop that order | stop paying | stop the payments | stop my payments | stop the direct debit |
    end my contract | end the contract | quit my membership | quit the gym | leave the gym | out of my contract |
    out of the contract | out of my membership | want to quit | wanna quit | like to quit | need to quit |
    going to quit | gonna quit | i quit | quitting | i want out | want out of | let me out of | stop my membership |
    can i get out of it | could i get out of it | how do i get out of it | way to get out of it |
    any way out of my contract | any way out of the contract | any way out of it | get out of my contract |
    get out of the contract | get out of my membership | end it early |
    stop the membership |
    stop my subscription | stop the subscription | stop my plan | end the membership | end the subscription |
    stop my gym membership | end my gym membership | quit my gym membership | stop my gym | quit my gym |
    end my gym contract | end the gym contract | get out of my gym contract | end my gym
""")
_WEAK_REFUND = _phrases("""
    return it | return this | return them | return these | return the | return my | send it back | send this back |
    send them back | send back | take it back | give it back | bring it back | return something | return an |
    return a | return some | return two | return both | send something back | send an item back | make a return |
    start a return | do a return | arrange a return | set up a return | returning an | returning a |
    chance of a return | chance to return | chance i can return | possible to return | a return please |
    can i do a return | could i do a return | i want return | i want to returning |
    returning something | returning my | returning the | return order | return an order | return item |
    return an item | return just | return one | return only | return another | return my other | return the other |
    want to return | like to return | need to return | dont really want it | dont really want them |
    dont really need it | dont really like it | dont want to keep it | dont want to keep them | rather not keep it |
    return please | return pls | return plz | please return | return for order | return for my | a return on |
    a return for | need a return | want a return | like a return | returns for | return request | request a return |
    with a return | help with returning | help returning | have a return | about a return | regarding a return |
    for a return | doing a return | a return im doing | a return i am doing | a return id like | a return i want |
    processing a return |
    it be returned | they be returned | this be returned | these be returned | get it returned | have it returned |
    it be sent back | they be sent back | too tight | too small | too big | too large | too short | too long |
    too loose | doesnt fit | dont fit | didnt fit | does not fit | do not fit | did not fit | just not for me |
    its not for me | theyre not for me | not really for me | isnt for me | arent for me | not really me |
    doesnt suit me | dont suit me | didnt suit me | does not suit me | not what i expected | nothing like the photo |
    nothing like the picture | looks nothing like | not my style | not really my style | not quite my style |
    not my taste | not really my taste | not to my taste | not really to my taste | not my thing | not really my thing |
    not my colour | not my color |
    changed my mind about it | changed my mind about the | not as pictured | wrong length | measured wrong |
    dont like it | dont like them | didnt like it | didnt like them | do not like it | did not like it |
    doesnt like it | didnt really like it | dont really like it | i hate it | i hate them | hate the colour |
    dont love it | didnt love it | not keen on it | not a fan of it |
    measured it wrong | measured them wrong | measured incorrectly | got the measurements wrong |
    that i no longer want | which i no longer want | that i no longer need | which i no longer need |
    that we no longer want | which we no longer want | that we no longer need | which we no longer need |
    only one day over | only a day over | just one day over | just a day over | one day over the |
    a day over the | only one day late | only a day late | just missed the return | missed the return window |
    missed the returns window | over the return window | outside the return window | past the return window |
    over the returns window | outside the returns window | past the returns window
""")
_WEAK_CANCEL = _phrases(
    """dont want it anymore | dont need it anymore | dont want the order | dont need the order |
    can you stop it | could you stop it | please stop it | stop it being sent | stop it going out | stop it please |
    cant you stop it | cant you just stop it | can you not stop it | couldnt you stop it | just stop it |
    cant you just cancel it | can you not just cancel it | cant you cancel it |
    changed my mind about the order | no longer afford | cant afford it | cannot afford it | can not afford it |
    cant afford the order | cannot afford the order"""
)
_STATUS = _phrases("""
    where is | wheres | where are | when will i get | when will i receive | when will i see | when will it |
    when do i get | when can i expect | when should i expect | how long until | how long till | how long til |
    tell me when | let me know when | when my refund | when my money | when the refund | when the money |
    where my refund | where my money |
    how long before i | how long for the | how long for my | how long before the | how long before my |
    still waiting | still not received | how long to wait | how long do i wait |
    how long do i have to wait | how long will i wait | how long should i wait | how long will i have to wait |
    how long must i wait | how many days until | how many days till | how many days til | how many days before i |
    how many days before my | how many days before the |
    still havent received | still havent got | still havent had | not received | havent received | havent got |
    havent had | not had | not got | hasnt come through | hasnt gone through | not come through | gone through |
    come through | went through | been processed | was processed | has it been processed | any update | any news |
    an update | status of | the status | track my | tracking my | check on | check the status | you sent |
    tell me about my refund for | tell me about my order | news on my | update on my | happening with my |
    going on with my | happened to my | happened with my | happening to my |
    you issued | you processed | you promised | you approved | you said you would | you said youd | was promised |
    were meant to | supposed to have | did you send | did you process | did you issue | have you sent |
    have you processed | have you issued | is it done | is it processed | has it gone | has my | has the | did my |
    did it work | did that work | has it worked | has that worked |
    did the | is my | was my | yet to receive | not arrived yet | not shown up | hasnt shown up | hasnt arrived |
    hasnt appeared | not appeared | still pending | is pending | confirm the | confirmation of | when will the |
    never came | never arrived | never came through | never went through | never got it | never received it |
    hasnt come | still hasnt come | never showed up | never appeared |
    when does the | what date will | what day will | which day will | what date do i | what day do i |
    what date should i | what day should i | what date can i | what day can i | how long will | how soon will |
    when am i receiving | when am i getting | when do i receive | says my | say my | was rejected | got rejected |
    refund email | refund confirmation | refund notification | email about my refund | email saying my refund |
    been rejected | was refused | got refused | been refused | was denied | been denied | rejected my | refused my |
    denied my | declined my |
    has anyone | have you done | has it been done | done it | when is my | when is the | has the refund | whens my |
    when will my | is it definitely | is it cancelled | is it actually | has it actually | has anyone actually |
    did anyone | checking on | checking in on | check in on | chasing up | chase up | following up on |
    follow up on | go through | going through | did it go through | any news on | check the refund |
    check my refund | check that my refund | check that the refund | whats happening with | what is happening with |
    what happened to | whats going on with | heard nothing | havent heard | still not seen | havent seen |
    been issued | still waiting on | processed yet | refunded yet | through yet | you said it was |
    you said you had | you told me | i was told | was told it | said it would | did it work | wheres my |
    will i get an email | will i get a confirmation | do i get an email | will you email | how long does the |
    how long do the | be charged | get charged | charged at all | waiting for my |
    waiting ages for | waiting weeks for | waiting days for | been waiting for | waiting on my |
    check if | check whether | been cancelled | been canceled | been refunded | still nothing |
    nothing in my account | nothings in my account | nothing has come in | nothings come in | not in my account |
    isnt in my account | not in my bank | isnt in my bank | nothing in my bank | not showing in my |
    not showing on my | isnt showing | not showing yet | nothing showing | not hit my account | hasnt hit my |
    not landed | hasnt landed |
    havent heard anything | not heard anything | still no | no sign of | still no sign | and nothing since |
    days and nothing | weeks and nothing | and still nothing | but nothing | was approved but | been approved but |
    nothing back yet | nothing yet | not seen it yet | not seen any | isnt on my account | not on my account |
    isnt there | isnt there yet | not there yet | hasnt come in | not come in yet | hasnt landed | not landed |
    isnt showing | not showing | hasnt shown |
    not in my account | isnt in my account | not showing | isnt showing | not showing up | still not showing |
    been reimbursed | received my return | receive my return | got my return |
    received the return | received my parcel back | got my parcel back | received it back | got it back yet |
    received my item back | arrived back with you | reached you | reach you yet |
    cancelled yet | canceled yet | has been sent | been sent yet | charged for a cancelled |
    charged for my cancelled | charged for the cancelled | charged me for a cancelled | charged me for my cancelled |
    charged for an order i cancelled | charged even though i cancelled | charged after i cancelled |
    charged after cancelling | cancelled but charged | cancelled but you charged | cancelled but still charged |
    still charged me | you still charged | still been charged | i cancelled but | cancelled it but |
    still isnt there | still isnt here | isnt there yet | isnt here yet | still not there | not there yet |
    still hasnt come | still not come | refund is late | refund is delayed | refund is overdue | money is late |
    refund has been delayed | refund is taking | refund is taking ages | refund is taking forever |
    is processed | says processed | saying processed | no money yet | but no money | no refund yet |
    not seen the money | not had the money | havent had the money | not received the money |
    havent received the money
""")
_IMPERATIVES = _phrases("""
    do | just do | go with | go for | just go with | just go for | sort | sort out | sort me out with |
    set up | set me up with | arrange | process | book | make it | send | send me | give me | get me | apply |
    issue | put me down for | put through | pop | stick with | go ahead with | lets have | let me have |
    i will go with | well go with | do me
""")
_STATUS_SUBJECTS = _phrases("""
    charged | payment | refund | refunds | my money | the money | cancellation | cancelled | canceled |
    reimbursement | credit |
    replacement | exchange | the return | my return | store credit | compensation | discount | callback | cancel |
    returned | sent it back | sent them back | sent back | parcel back | package back | item back | it back yet |
    cancelling | canceling | cancel it
""")
_POLICY = _phrases("""
    policy | policies | your rules | the rules | what are the rules | terms and conditions | how long do i have |
    how long have i got | how many days | how much time | time limit | deadline | eligible | eligibility |
    entitled | qualify | in what cases | in what situations | under what circumstances | what circumstances |
    how do i return | how do returns work | how does returning work | how do refunds work | how does it work |
    are refunds possible | are returns possible | is a refund possible after | is a return possible after |
    how long do refunds take | how long does a refund take | how long do they take | do you do refunds |
    how long refunds take | how long a refund takes | how long the refund takes | how long it takes to get a refund |
    how long for a refund | how long will that take | how long will it take | how long would that take |
    how long would it take | how long will this take | how long does that take |
    how soon would | how soon could | how quickly would | how quickly could | when would i get | when would it |
    when would they | when would i receive | when could i get | when would that |
    do you offer refunds | do you give refunds | do you accept returns | do you take returns | do you do returns |
    do you offer returns | can i return items | can you return | can items be returned | what happens if |
    is it possible to return | returns window | return window | refund window | how to return |
    if i can return | whether i can return | if i could return | whether i could return | if its possible to return |
    if it is possible to return | if i can send | whether i can send |
    what do i need to do | what do i have to do | what is the process | whats the process |
    what do i do with it | what do i do with them | what should i do with it | what should i do with them |
    what do i do with the | what should i do with the | what do i do with their | what should i do with their |
    what do i do with his | what do i do with her | do i keep it | do i keep them | can i keep it |
    can i keep them | should i keep it | should i keep them |
    how does the process work | the process for | return something | returning something | return an item |
    returning an item | refund rules | cancellation fee | cancellation fees | restocking fee | do i need a receipt |
    do i need the receipt | do you refund | do you cancel | cut off | cutoff | cut-off | usually take |
    normally take | take to process | how long does it take | money back guarantee | guarantee | in which cases |
    in which situations | which cases | is it possible to cancel an order | can sale items | sale items |
    what is your policy | whats your policy | how do i send it back | how do i send back | how do i post it back |
    where do i send it | where do i send | how do i get it back to you | how do i send them back |
    is that covered | is it covered | is this covered | are they covered | are these covered | covered by |
    under warranty | under guarantee | still under | warranty
""")
_RETURN_COSTS = _phrases("""
    who pays postage | who pays for postage | who pays the postage | who pays for the postage | who pays for return |
    who pays for returns | who pays for the return | who pays to send | who pays for sending | who covers the cost |
    do i pay for sending | do i pay to send | do i pay for postage | do i pay the postage | do i pay for the postage |
    do i have to pay for postage | do i have to pay to send | do i have to pay for sending | is postage free |
    is the postage free | is return postage free | do i pay for the return |
    who covers postage | who covers the postage | pay for postage | pay for the postage | pay the postage |
    pay return postage | pay for return postage | pay for the return postage | pay return shipping |
    pay for return shipping | pay for the return shipping | pay to send it back | pay to send them back |
    pay to return | cost of postage | postage cost | postage costs | cost of sending | cost to send | costs to send |
    cost of returning | cost to return | cost anything to return | cost anything to send | cost me to send |
    cost me to return | is return postage | is return shipping | is postage free | are returns free |
    is the return free | is returning free | is it free to return | is it free to send | free to send back |
    free to return | how much is postage | how much is the postage | how much to send | how much to return |
    how much does it cost to send | how much does it cost to return | return postage | return shipping
""")
_CANCEL_REQUEST = _phrases("""
    scrap that | scratch that | forget it | forget that | forget about it | never mind | nevermind | ignore that |
    ignore my last message | dont worry about it | i changed my mind | ive changed my mind | changed my mind |
    change of plan | change of plans | on second thought | on second thoughts | actually no | no wait |
    withdraw my request | withdraw the request | drop it | leave it | i no longer want | no longer want |
    no longer need | dont need the refund | dont need a refund | dont want the refund | dont want a refund anymore |
    cancel that | cancel the refund | cancel my refund | cancel the request |
    cancel my request | stop the refund | not the refund anymore | nvm | keep it instead | dont bother cancelling |
    dont cancel | dont cancel it | no need to cancel | leave the order | forget cancelling |
    forget about cancelling | leave it then | its fine leave it | let it go | doesnt matter anymore |
    doesnt matter any more | no longer matters | forget the whole thing | forget the lot | forget all of it |
    cancel it all | cancel everything | cancel the whole thing | cancel the lot | cancel all of it |
    forget all that | forget about all that | not bothered anymore | not bothered any more |
    dont refund it | dont refund that | dont refund that one | dont refund me | dont refund the order |
    please dont refund | actually dont refund | no refund needed | no need to refund | no need for the refund |
    no need for a refund | dont process the refund | dont go ahead with the refund | hold off on the refund |
    dont cancel the order | please dont cancel | actually dont cancel | no need for the cancellation
""")
_KEEPING = _phrases("""
    keep it | keep them | keep this | keep these | keep hold of it | keep hold of them | keep the item |
    hang on to it | hang onto it | hang on to them | hang onto them | hold on to it |
    hold onto it | hold on to them | hold onto them | hang on to this | hold on to this | keep the plan |
    keep my plan | keep the subscription | keep my subscription
""")
_DECIDING = _phrases("""
    ill | i will | im going to | i am going to | going to | gonna | id rather | i would rather | i think ill |
    i might | might as well | may as well | ive decided to | i decided to | i have decided to | well | we will |
    were going to | happy to | ill probably | i can just | i guess ill | i suppose ill | i shall | i want to |
    id like to | i would like to
""")
_COMPLAINT = _phrases("""
    youre joking | you are joking | can you believe this | can you believe it | would you believe it |
    youre having a laugh | you are having a laugh | having a laugh | are you having a laugh |
    are you joking | you must be joking | youve got to be joking | youre kidding |
    you are kidding | are you kidding | you must be kidding | youve got to be kidding | are you serious |
    you cant be serious | cant be serious | you have to be kidding | not happy | not good enough | not acceptable |
    unacceptable | are you even listening | are you listening | youre not listening | you are not listening |
    are you deaf | are you blind | can you not read | cant you read | do you even read | did you even read |
    read my message | read what i wrote | answer the question | answer my question |
    waste of time | waste of money | waste of my time | waste of our time | fed up |
    sick of | had enough | sick and tired | let down | rip off | ripoff | ripped off | what a joke | a joke |
    disgrace | disgraceful | shambles | unbelievable | cant believe | poor service | bad service |
    terrible service | awful service | rubbish service | worst | pathetic | useless | rubbish | crap | garbage |
    trash | junk | shoddy | flimsy | poor quality | bad quality | low quality | cheap rubbish | file a complaint |
    make a complaint | lodge a complaint | raise a complaint | want to complain | complain | complaint |
    complaints | reclamation | file a claim | disappointed | disappointing | gutted | upset | annoyed | annoying |
    not what i expected | not really what i expected | not as expected | not as described | not as advertised |
    a shame | thats a shame | what a shame | such a shame | a pity | thats a pity | what a pity | too bad |
    thats sad | bummer | oh well | angry | furious | livid | fuming | frustrated | frustrating | irritated |
    unhappy | outraged | ridiculous | stupid rule | stupid policy | silly rule | silly policy | daft rule |
    stupid system | dumb rule | dumb policy | petty | bit harsh | thats harsh | so harsh | very harsh | quite harsh |
    harsh rule | harsh policy | seems harsh | bit unfair | thats unfair | so unfair | very unfair | seems unfair |
    absurd | outrageous | appalling | awful | terrible | horrible | dreadful | disgusting | shocking | insane |
    madness | joke of a | not impressed | very poor | so poor | really poor | too slow | so slow | never again |
    never buying | never shopping | never ordering | never shop with you again |
    never shop here again | never buy from you again | never order from you again |
    stuck with it | stuck with this | stuck with them | im stuck with | stuck with a | stuck with an | so im stuck |
    left with nothing | shop elsewhere | business elsewhere |
    how you treat | treat your customers | treat customers | what the hell | whats the point | what is the point |
    no point | pointless |
    what the heck | for gods sake | whats going on | what is going on | whats going on here |
    for goodness sake | seriously | this is bad | this is wrong | not right | not fair | unfair | a nightmare |
    nightmare | mess | hassle | stressful | fuming | beyond a joke | scam | scammers | robbery | daylight robbery |
    i really needed | i needed that | not on | never buy again | never buy | never buying again | last time im |
    chasing | im chasing | having to chase | keep chasing | who can actually | actually help | someone competent |
    arent helpful | not helpful | unhelpful | not being helpful | makes no sense | doesnt make sense | no sense |
    took a while | took ages | took forever | took too long | so long | got charged | still charged |
    charged anyway | charged me anyway | how generous | how kind | arent being helpful | not being very helpful |
    isnt helpful | wasnt helpful | not very helpful | not much help | no help | of no help | how dare |
    how you treat | treat your customers | beyond a joke | sick and tired | time im contacting | time ive contacted |
    time i have contacted | time im writing | time ive written | time im asking | time ive asked | time im messaging |
    time ive messaged | time im chasing | time ive chased | time ive had to | time i have had to |
    contacted you three times | contacted you twice | contacted you several |
    contacted you multiple | contacted you so many | emailed twice | emailed three times | emailed several times |
    called twice | called three times | rang twice | nobody replied | no one replied | nobody got back |
    no one got back | nobody has got back | no one has got back | never got back | never heard back |
    still no reply | no reply | no response | keep contacting | keep having to contact | going round in circles
""")
_EXCLAMATIONS = _phrases("""
    bloody | damn | dammit | hell | shit | crap | ffs | wtf | fucking | fuck | fuckin | bollocks | sodding |
    bloody hell | for fucks sake | ugh | argh | omg | jeez | christ | god | oh no | oh nooo | oh dear
""")
_INSIST = _phrases("""
    i still want | i still need | still want | still need | i insist | insist | insisting | just refund |
    just cancel | just give me | just do it | just process | just sort it | i dont care | dont care about |
    regardless | as i said | like i said | i already said | ive already said | i already told | not taking no |
    wont take no | i demand | demand | i want it now | right now | immediately | you need to | you have to |
    you must | i am entitled | im entitled | i want my money back now | asking again | ask again |
    for the last time | how many times | once again | i said | ive said | i told you | do it anyway |
    refund me anyway | make an exception | an exception | bend the rules | bend the rule | just this once |
    this one time | make an allowance | exception for me | let it slide | overlook it | turn a blind eye |
    do what i asked | what i asked for | do as i asked | its important | this is important | it is important |
    its urgent | cant do anything | can do nothing | can you do nothing | one day over | a day over |
    only one day | just one day | one day late | a day late | only a day | only a few days | few days over |
    couple of days over | is there really nothing | really nothing at all | is that really all |
    is that really it | thats really it | so nothing at all | nothing at all you can do | one day doesnt matter |
    a day doesnt matter | a day wont matter | one day wont matter |
    surely one day | surely a day | surely a single day | a single day | whats one day | whats a day |
    what difference does a day make | what difference does one day make | doesnt make a difference |
    wont make a difference | by one day | by a day | by a single day | its one day | its only one day |
    come on | really nothing you can do | nothing you can do | nothing else you can do |
    cant you do anything |
    can you not do anything | cant you stop it | can you not stop it | can u not stop it | cant you cancel it |
    spent hundreds | spent thousands | spent a fortune |
    spent so much | spent a lot | spend a lot |
    spend so much | pretty please | please please | oh please | come on please | approve | approve it |
    authorise it | authorize it | grant it | loyal customer | regular customer | good customer | been a customer |
    years as a customer | customer for years |
    been shopping with you | been shopping here | shopping with you for | shopped with you for | shopped here for |
    been buying from you | buying from you for | ordered from you for years | gold member | platinum member |
    gold customer | platinum customer | vip customer | a vip | premium member | loyalty member | loyalty card |
    member for years | been a member | percent back | percentage back |
    part of my money | so thats it | is that it | thats all you can do | is that all you can do |
    not going to help me | arent going to help | wont help me | wont you help me | you wont help | not helping me |
    thats all youve got | is that the best you can do | thats the best you can do | not what your website says |
    not what the website says | not what your site says | not what it says on your website |
    not what your terms say | not what your policy says | not what i was told | thats not what it says
""")
_PERSON = _phrases("""
    human | a human | real person | a real person | a person | person | agent | an agent | live agent | real agent |
    manager | supervisor | operator | representative | someone real | somebody real | a real human | human being |
    speak to someone | talk to someone | speak with someone | talk with someone | speak to somebody |
    talk to somebody | a colleague | your manager | the manager | a supervisor | staff member | member of staff |
    customer service rep | rep | escalate | escalate this | put me through | transfer me | connect me | call me |
    phone me | ring me | someone in charge | whos in charge | who can i complain to | assistant | an assistant |
    advisor | adviser | an advisor | customer service | customer services | someone from | anyone there |
    is anyone there | someone who can help | someone senior | senior | higher up | someone higher up | your boss |
    the boss | someone in authority | someone | somebody | anyone | anybody | pass me on | pass me to |
    over the phone | by phone | a phone call | speak on the phone | talk on the phone | prefer a call |
    rather have a call | rather get a call | rather a call | want a call | like a call | give me a call |
    call me instead | a call instead | whoever makes these decisions | whoever makes the decisions |
    whoever is in charge | the person who decides | someone who can decide
""")
_NO_PERSON = _phrases("""
    no need for a manager | no need for a person | no need for a human | no need for an agent |
    no need to escalate | no need to transfer | dont need a manager | dont need a person | dont need a human |
    dont need an agent | dont need to speak | dont want a manager | dont want a person | dont want to speak |
    dont want to talk | dont transfer | dont escalate | no manager | not asking for a manager |
    not asking for a person | no need to speak | no need to talk | no human needed | no need for that |
    no need to pass me on | dont pass me on | no need to get someone | no need for anyone | dont transfer me |
    no dont worry | actually dont worry | oh dont worry | no its ok dont worry | no need actually |
    cancel the transfer | cancel the handover | forget the person | forget the manager | dont need anyone
""")
_HOLDING_OFF = _phrases("""
    ill wait | i will wait | ill just wait | happy to wait | ill give it | i will give it | give it a few |
    give it a bit | give it some time | give it another | ill hold off | hold off | wait and see | ill wait and see |
    ill check again | ill check back | ill check later | ill try again | ill get back to you | ill leave it for now |
    wait a few more days | wait a bit longer | wait a little longer | no rush | not yet |
    message you later | message you back | get back to you later | come back later | ill come back |
    ill message again | ill message back | ill get her to | ill get him to | ill get them to | ill ask her |
    ill ask him | contact you later | ill be in touch | ill be back
""")
_TAKING_TIME = _phrases("""
    let me think | let me think about it | let me think it over | i need to think | i need to think about it |
    need to think about it | i need to think it over | ill think about it | i will think about it | ill think it over |
    let me have a think | ill have a think | i need a think | have a think | let me mull it over | ill mull it over |
    let me sleep on it | ill sleep on it | i need to sleep on it | can i think about it | can i have a think |
    give me a minute | give me a moment | give me a sec | give me a second | give me some time | one sec | one second |
    one moment | one minute | just a minute | just a moment | just a sec | just a second | hang on | hold on |
    do i have to decide now | do i need to decide now | do i have to decide today | do i have to choose now |
    do i need to choose now | can i decide later | can i choose later | can i let you know later |
    do i have to decide right now | can i think it over |
    wait no | no wait | wait a sec | wait a second | wait a minute | wait a moment |
    bear with me | let me check with | i need to check with | ill check with | i will check with | let me ask |
    i need to ask | ill ask | let me talk to | i need to talk to | ill talk to | let me speak to | i need to speak to |
    ill speak to | let me discuss | i need to discuss | ill discuss | let me get back to you | can i get back to you |
    ill come back to you | ill come back | ill decide later | let me decide | i need to decide | not sure yet |
    im not sure yet | ill let you know | let me see | let me find it | let me find | let me look | let me have a look |
    let me dig it out | let me check | i can ask | i could ask | i can check | i could check | i can find out |
    ill find out | ill find it | ill have a look | ill look | ill dig it out | ill go and look | ill go and check |
    ill check | i will check | i will look | i will have a look | i will find it | i will find out |
    let me check my |
    i need some time | need some time |
    ill need some time | idk | dunno | havent checked |
    not checked yet | havent checked yet | havent looked | havent looked yet | not looked yet | havent had a look |
    havent had a chance to look | havent had a chance to check | not had a chance to look | too early to tell |
    too soon to tell |
    i dont know | dont know | not sure | im not sure | no idea | unsure | i dont know yet | undecided |
    can i come back later | can i come back to you | can i come back | come back later | ill get back to you |
    i will get back to you | ill message again | ill message you again | message again later | ill write again |
    ill check and come back | ill check and get back | ill look for it later | ill find it later | ill do it later |
    can i do this later | can i do it later | can we do this later | ill be back | hold up | hold off deciding |
    hold off on deciding | hold off on the decision | hold off choosing
""")
_CONFUSION = _phrases("""
    dont get it | still dont get it | i dont get it | dont understand | i dont understand | still dont understand |
    makes no sense | that makes no sense | doesnt make sense | that doesnt make sense | makes no sense to me |
    i dont follow | dont follow | not following | im not following | im confused | i am confused | confused |
    what do you mean | dont see the point | i dont see how | still dont see | what does that mean |
    what does this mean | what is that supposed to mean | whats that supposed to mean | what does it mean |
    meaning what | what do u mean | wdym | what do you mean by
""")
_STRONG_IRONY = _phrases("""
    thanks for nothing | thank you for nothing | cheers for nothing | thanks a bunch | for absolutely nothing |
    thanks so much for nothing | yeah right | so helpful not | very helpful not | really helpful not | just great |
    just perfect | just brilliant | just fantastic | just wonderful | just lovely | great great | love that for me |
    oh joy | oh goody | lucky me | what a surprise | surprise surprise | how convenient | thanks for your help not |
    just marvellous | just marvelous | cool cool | nice nice |
    totally thrilled | so thrilled | just brilliant isnt it | how generous |
    how kind | how thoughtful | thrilled | delighted | over the moon | great great | yes right like |
    yes right as if | yes sure as if | like ill ever | like i will ever | like id ever | like i would ever |
    like thats going to help | like that helps | as if that helps | as if thats going to help |
    exactly what i always wanted | just what i always wanted |
    because that went so well | because the first one went so well | because the last one went so well |
    since that went so well | since the first one went so well | because that worked so well |
    because the first one worked so well | because that worked out so well | as that went so well
""")
_IRONY = _phrases("""
    big help | huge help | such a help | what a help | just what i needed | great job | well done | love that |
    how helpful | how lovely | another voucher | as always | as usual | of course you cant | very convenient |
    fantastic service | brilliant service | great service | amazing service | top service | excellent service |
    real helpful | really helpful | very helpful | so helpful | thanks a lot | cheers
""")
_PRAISED_SERVICE = _phrases("""
    big help | huge help | such a help | what a help | just what i needed | great job | well done | love that |
    how helpful | as always | as usual | very convenient | fantastic service | brilliant service | great service |
    amazing service | top service | excellent service | real helpful | really helpful | very helpful |
    so helpful | super helpful | so kind | very kind | how kind | how nice | good job | top notch |
    customer service at its best | you guys are the best | just what i wanted | exactly what i wanted |
    exactly what i needed | what i always wanted | great policy | brilliant policy | lovely policy |
    fantastic policy | amazing policy | wonderful policy | great rules | customer friendly | customer focused |
    lovely customer service | great customer service | brilliant customer service | amazing customer service |
    wonderful customer service | fantastic customer service | really customer friendly | very customer friendly |
    so customer friendly | what a policy | what a service
""")
_NEGATIVE = _phrases("""
    still | never | no refund | nothing | another | again | useless | waiting | wont | cant | not | no | doesnt |
    didnt | isnt | hasnt | havent | ignored | rubbish | waste | weeks | lost | losing | late | charged | broken |
    out of pocket | short changed | ripped off | paying for something | pay for something | stuck with
""")
_CHOICE_FORMS = _phrases("""
    can i have | can i get | could i have | could i get | can i take | could i take | may i have | can i go with |
    can i go for | could i go with | could i go for | can we do | can you do | could you do | can you give me |
    could you give me | can i do | id like | i would like | ill take | i will take | ill have | i will have |
    ill go with | ill go for | i will go with | i will go for | lets go with | lets go for | lets do | give me |
    i want | i need | i prefer | id prefer | i would prefer | id rather | i would rather | ill do | i choose |
    i pick | ill pick | ill choose | im going with | going with | put me down for | sign me up for | send me |
    can you send | could you send | can you just send | could you just send | just send |
    set up | arrange | book | please | is fine | sounds good | would be great | would be fine | would be good |
    would be grand | would be lovely | would be brilliant | would be perfect | would be ideal | would be nice |
    would be better | would be best | would suit me | suits me | would be fab | would be fantastic |
    will do | it will be | gimme | it is | works for me | can i switch to | could i switch to | can i swap to |
    could i swap to | can i change to | could i change to | can i switch it to | could i switch it to |
    can i swap it for | could i swap it for | can i change it to | could i change it to | can you switch it to |
    could you switch it to | can you change it to | could you change it to | can we switch to | make it |
    switch it to | change it to | switch to | change to | swap to | can i change that to | could i change that to |
    can i switch that to | could i switch that to | can you change that to | could you change that to |
    can we change that to | can we change it to | change that to | switch that to | swap that for | swap it for |
    make that | can i make that | can i make it | could i make that | could i make it | and want | and would like |
    and need | but want | but would like | i wanna | wanna | want | would like | would prefer | would rather have |
    i would appreciate | id appreciate | would appreciate | i would be grateful for | id be grateful for |
    grateful for | i would love | id love | hoping for | i was hoping for | im hoping for | i am hoping for |
    ok do the | okay do the | fine do the | just do the | ok go with the | lets do the | go back to |
    go back to the | switch back to | change back to | back to the | make it the | stick with the
""")
_ABOUT_FORMS = _phrases("""
    how | what | whats | who | whos | when | where | wheres | which | does | do i | is it | is the | is there |
    are there | will i | will it | would i | would it | would the | should i | can i use | could i use |
    can i spend | could i spend | can it | could it | can you tell | could you tell | tell me more | more about |
    more info | more information | explain | details | what about | how about | wat about | whatabout | what abt |
    wat abt | how abt | if i | any | do you | do they |
    is that | are they | does it | whats the | how long | how much | how many | tell me | let me know |
    can you tell | i want to know | wondering | i wonder
""")
_DEICTIC = _phrases("that one | this one | the one | that option | this option | the same one | that | it | this")


_VARIANTS = _phrases("""
    xxs | xs | xl | xxl | xxxl | 2xl | 3xl | small | medium | large | extra small | extra large | petite | tall |
    smaller one | bigger one | larger one | smaller size | bigger size | larger size | size up | size down |
    big size | small size | large size | big one | small one |
    black | white | blue | navy | grey | gray | red | green | pink | brown | beige | cream | yellow | orange |
    purple | khaki | olive | burgundy | light blue | dark blue | dark green | bigger | smaller | larger |
    emerald | teal | turquoise | maroon | mustard | charcoal | ivory | coral | lilac | mint | sage | camel |
    tan | peach | magenta | indigo | violet | gold | silver | rose gold | bronze | copper | amber | lavender |
    ochre | taupe | nude | stone | sand | rust | wine | plum | aqua | cobalt | royal blue | sky blue |
    baby blue | pale blue | pale pink | hot pink | light pink | dark grey | light grey | forest green |
    bottle green | lime | mauve | oatmeal |
    different length | longer length | shorter | longer | tighter | looser | wider | narrower |
    shorter length | longer leg | shorter leg | long leg | short leg | regular fit | slim fit | wide fit
""")
"""Sizes and colours an item comes in, which the customer asks to have instead ("in a medium", "in navy")."""
_VARIANT_AFTER = frozenset(
    {"instead", "rather", "please", "pls", "one", "ones", "size", "then", "thanks", "thank", "if", "so", "now", "for",
     "version", "colour", "color", "and", "but", "or", "thx", "cheers", "would", "is", "as", "with"}
)  # fmt: skip
"""Words that may follow a size or colour asked for: "a large please", not "a large order"."""

_POSSIBILITY_QUESTIONS = _phrases("""
    what can you do | what can you offer | what can you help with | what can you help me with | what are my options |
    what options | what are the options | what choices | what are my choices | what can i do | what do you offer |
    how can you help | what can be done | what are you able to do | what else can you do | what do i do now |
    what should i do | what do you suggest | what would you suggest | is there anything you can do |
    anything you can do | what are you going to do | what will you do | what happens now | what now | now what |
    what are my rights | what am i entitled to | what can you do about it | what can you do for me |
    tell me the options | tell me my options | what the options are | what my options are | options first |
    list the options
""")
"""Questions, before anything is on offer, about what can be done at all."""

_INDIFFERENCE = _phrases("""
    either one | either of them | either of those | either is fine | either is good | either is ok |
    either works | either will do | either way | either would be fine | either would do | both are fine |
    both are good | both are ok | both work | both would be fine | any | any of them | any is fine | any will do |
    anything is fine | anything will do | whichever | whichever one | whichever is easiest |
    whichever is easier | whichever is best | whichever you think |
    whatever is easiest | whatever is easier | whatever is quickest | whatever works | whatever you think |
    whatever is best | whatevers easiest | whatevers easier | whatevers best | whatevers simplest |
    whatever is simplest | up to you | its up to you | that is up to you | you choose | you pick | you decide |
    you can choose | you can pick | you can decide | your choice | your call | surprise me | i dont mind |
    i dont mind which | dont mind which | i do not mind | i dont mind either | i dont care which | dont care which |
    i dont care which one | i dont mind which one | it doesnt matter | doesnt matter | doesnt matter which |
    it doesnt matter which | no preference | i have no preference | im easy | i am easy | im not fussy |
    not fussy | i dont have a preference | whatever you recommend | whichever you recommend | you tell me
""")
"""Leaving the choice between several offers to the agent."""

_ONLY_ONE = _phrases("""
    cancel one | refund one | return one | one of them | one of those | one of the orders | one of these |
    just one | only one | only need one | only want one | only wanted one | either one | either of them
""")
"""Asking for one of the orders named, without saying which."""

ENGLISH = Lexicon(
    code="en",
    question_starts=frozenset(
        """how what whats who whos when where wheres which why is are does do did can could will would should
        if hows whens whys isnt arent doesnt dont cant wont shall may""".split()
    ),
    clause_breaks=frozenset({"but", "however", "although", "though", "otherwise", "except"}),
    fillers=frozenset(
        """please then thanks thank you mate ok that one oh um umm hmm well so just i think guess suppose
        hi hello hey sorry really actually for now lol haha yes sure fine right alright go ah er erm cheers
        the a an it will do is be would sounds good great lovely okay love dear""".split()
    ),
    yes=_YES,
    no=_NO,
    reject_all=_REJECT_ALL,
    negators=frozenset(
        "not dont no never without neither nor wont cant doesnt didnt isnt nothing nobody noone".split()
    ),
    negative_after=_phrases("""
        is no good | no good | doesnt work | wont work | doesnt help | wont help | is useless | useless to me |
        not for me | no use | no use to me | is pointless | pointless | is rubbish | ill never use |
        i will never use | never use | not interested | dont want | is not what i want | isnt what i want |
        sounds bad | sound bad | sounds terrible | sound terrible | sounds awful | sound awful | sounds rubbish |
        sound rubbish | sounds useless | sound useless | not ideal | isnt ideal | doesnt appeal | dont appeal |
        doesnt suit me | wont suit me | isnt any good | is not any good | not needed | is not needed |
        isnt possible | is not possible | not possible | isnt an option | is not an option | not an option |
        wouldnt work | would not work | wouldnt help | would not help | isnt practical | is not practical |
        makes no sense | doesnt make sense | is no use | isnt any use | is out of the question |
        would take too long | takes too long | will take too long | take too long | would be too slow |
        is too slow | too slow | takes forever | would take forever | takes ages | would take ages |
        is too much hassle | too much hassle | too much of a hassle | is too much of a hassle
    """),
    contrast=frozenset({"than", "instead"}),
    choice_forms=_CHOICE_FORMS,
    about_forms=_ABOUT_FORMS,
    ordinals={
        "first": 0,
        "1st": 0,
        "former": 0,
        "second": 1,
        "2nd": 1,
        "third": 2,
        "3rd": 2,
        "latter": -1,
        "last": -1,
        "top": 0,
        "bottom": -1,
    },  # fmt: skip
    ordinal_nouns=frozenset({"one", "option", "choice", "offer", "thing", "suggestion", "idea"}),
    option_words=frozenset({"option", "number", "choice", "no"}),
    option_numbers={"1": 0, "one": 0, "2": 1, "two": 1, "3": 2, "three": 2, "a": 0, "b": 1, "c": 2},
    deictic=_DEICTIC,
    callback_words=(
        "callback",
        "call back",
        "call me",
        "call me back",
        "ring me",
        "ring me back",
        "phone me",
        "phone call",
        "a call",
        "calling",
        "ring back",
        "call",
    ),
    pronouns=frozenset({"it", "that", "this"}),
    thanks=_THANKS,
    not_thanks=_NOT_THANKS,
    goodbye=_GOODBYE,
    done=_DONE,
    request_cues={"refund": _REFUND, "cancel": _CANCEL},
    weak_request_cues={"refund": _WEAK_REFUND, "cancel": _WEAK_CANCEL},
    status_cues=_STATUS,
    status_subjects=_STATUS_SUBJECTS,
    policy_cues=_POLICY,
    wondering=frozenset(
        """know tell see check explain understand wondering wonder find clarify confirm learn help info
        information checking seeing finding knowing show""".split()
    ),
    cancel_request_cues=_CANCEL_REQUEST,
    comparison_cues=comparisons.COMPARISONS,
    keeping=_KEEPING,
    deciding=_DECIDING,
    keeping_for_now=frozenset({"until", "till", "in", "safe", "while", "unopened", "boxed", "meanwhile"}),
    switch_words=frozenset({"instead", "rather"}),
    imperatives=_IMPERATIVES,
    complaint_cues=_COMPLAINT,
    exclamations=_EXCLAMATIONS,
    insult_cues=frozenset({"useless", "pathetic", "rubbish", "crap", "garbage", "trash", "a joke", "scammers"}),
    insist_cues=_INSIST,
    person_cues=_PERSON,
    no_person_cues=_NO_PERSON,
    holding_off=_HOLDING_OFF,
    taking_time=_TAKING_TIME,
    confusion=_CONFUSION,
    conditions={
        "unsafe": conditions.UNSAFE,
        "faulty_again": conditions.FAULTY_AGAIN,
        "items_missing": conditions.ITEMS_MISSING,
        "faulty": conditions.FAULTY,
        "arrived_empty": conditions.ARRIVED_EMPTY,
        "never_arrived": conditions.NEVER_ARRIVED,
        "unauthorised": conditions.UNAUTHORISED,
        "wrong_item": conditions.WRONG_ITEM,
        "charged_twice": conditions.CHARGED_TWICE,
        "overcharged": conditions.OVERCHARGED,
    },
    circumstances={
        "illness": conditions.ILLNESS,
        "bereavement": conditions.BEREAVEMENT,
        "disability": conditions.DISABILITY,
        "moving": conditions.MOVING,
        "away": conditions.AWAY,
        "hardship": conditions.HARDSHIP,
        "caring": conditions.CARING,
        "promised": conditions.PROMISED,
    },
    condition_denials=conditions.DENIALS,
    supposing=frozenset(
        {"if", "suppose", "supposing", "unless", "whether", "hypothetically", "policy", "policies", "rules"}
    ),
    unsuited_after=conditions.UNSUITED_AFTER,
    money_subjects=conditions.MONEY_SUBJECTS,
    sent_something_else=sent_something_else,
    charged_another_amount=charged_another_amount,
    refunded_short=refunded_short,
    bought_by_another=bought_by_another,
    fact_names={
        "order_id": _phrases("""
            order number | order no | order id | order reference | order ref | reference number | receipt |
            confirmation email | order confirmation | the number | its number
        """),
        "days": _phrases("""
            when it was bought | when it was ordered | when i bought it | when i ordered it | when they bought it |
            when she bought it | when he bought it | when it was purchased | the purchase date | date of purchase |
            when i got it | when it was from | how long ago
        """),
    },
    who_died=who_died,
    anger_cues=feelings.ANGER,
    own_mistakes=feelings.OWN_MISTAKES,
    apologies=feelings.APOLOGIES,
    irony_markers=_IRONY,
    strong_irony=_STRONG_IRONY,
    praised_service=_PRAISED_SERVICE,
    content=feelings.CONTENT,
    emoji_words={
        "\U0001f44d": "great",  # thumbs up
        "\U0001f44c": "great",  # OK hand
        "\u2705": "yes",  # check mark
        "\u2714": "yes",  # heavy check mark
        "\U0001f44e": "no",  # thumbs down
        "\u274c": "no",  # cross mark
        "\U0001f64f": "thanks",  # folded hands
        "\u2764": "thanks",  # red heart
        "\U0001f495": "thanks",  # two hearts
        "\U0001f496": "thanks",  # sparkling heart
        "\U0001f497": "thanks",  # growing heart
        "\U0001f499": "thanks",  # blue heart
        "\U0001f49a": "thanks",  # green heart
        "\U0001f49c": "thanks",  # purple heart
        "\U0001f970": "thanks",  # smiling face with hearts
        "\U0001f60a": "thanks",  # smiling face with smiling eyes
        "\U0001f60d": "great",  # smiling face with heart-eyes
        "\U0001f389": "great",  # party popper
    },
    function_words=frozenset(
        """all am any at be for have i id if ill im in is it its me of on one so that thatd thatll thats the
        them then these thing those to today way will with would you want need like really take""".split()
    ),
    number_words={
        **{word: n for word, n in NUMBER_WORDS.items() if word not in ("a", "an")},
        "none": 0,
        "zero": 0,
        "nil": 0,
        "nought": 0,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "seventy": 70,
        "eighty": 80,
        "hundred": 100,
    },  # fmt: skip
    irony_emoji=frozenset({"\U0001f644", "\U0001f612", "\U0001f643", "\U0001f44f", "\U0001f611", "\U0001f926"}),
    corrections=_phrases("""
        actually no | no actually | no wait | wait no | scratch that | scrap that | sorry i mean | sorry i meant |
        i mean |
        or rather | make that | correction | sorry no | no sorry | my mistake | my bad | typo | actually it was |
        sorry it was | wait it was | no it was | it was actually | i meant | oops | its actually | it is actually |
        actually its | actually it is | wrong number | wrong order number | gave the wrong | gave you the wrong |
        typed it wrong | typed the wrong | should be | should have been | sorry its | not that one | more like |
        closer to | actually make that | actually make it | make it a | make it an | no make that | no make it |
        got the order number wrong | got the number wrong | got the order wrong | had the number wrong |
        put the wrong | wrote the wrong | sent the wrong number | sent you the wrong | number was wrong |
        number is wrong | number was a typo | read it wrong | copied it wrong | copied the wrong
    """),
    anger_emoji=frozenset(
        {
            "\U0001f621",
            "\U0001f92c",
            "\U0001f620",
            "\U0001f47f",
            "\U0001f4a2",
            "\U0001f624",
            "\U0001f622",
            "\U0001f62d",
            "\U0001f61e",
            "\U0001f614",
            "\U0001f641",
            "\u2639",
            "\U0001f61f",
            "\U0001f494",
        }
    ),  # fmt: skip
    praise=frozenset(
        """great brilliant perfect fantastic wonderful lovely amazing helpful marvellous marvelous super excellent
        awesome terrific fabulous superb splendid cheers thrilled delighted generous cool nice sweet ace
        brill sound ideal smashing fab""".split()
    ),
    irony_openers=frozenset({"oh", "wow", "well", "ooh", "ah", "gee", "golly"}),
    negative_cues=_NEGATIVE,
    asks_why=_rules.asks_why,
    threatens=is_threat,
    why_cues=_phrases("""
        dont get why | dont understand why | dont see why | cant see why | cant understand why | why its a no |
        whats the reason | what is the reason | how come | what for | on what basis | explain why |
        explain to me why | why is that | why not | how can it be shipped | how can it be dispatched |
        how can it have shipped | how can it have been shipped | how has it shipped | how can it already |
        how is it already | how has it already | how can that be | how is that possible | how is that fair |
        how is that right | how can it be gone already | what does that have to do with | what has that got to do with |
        whats that got to do with | what does it have to do with | what has it got to do with | how is that relevant |
        why does that matter | why does it matter | what does that matter | who decided that | who decided this |
        who made that rule | who made this rule | who came up with that | who came up with this | whose rule is that |
        whose idea was that | says who
    """),
    insists=_rules.insists,
    stopwords=frozenset(
        """that this with have what your about there from they will would could should been were when where which
        their them then than some more just only also very much into over such like want need please thanks thank
        know think sure okay fine good great still really order item thing help make give take does dont cant wont
        didnt isnt yeah yes nope send back money refund cancel today week month days ago last time here bought
        wanted other another""".split()
    ),
    read_dates=read_dates,
    date_hints=DATE_HINTS,
    key_words=tuple(
        """cancel cancelled canceled cancelling canceling cancellation refund refunded refunding reimburse
        reimbursement return returned returning exchange manager supervisor complaint dispatched delivered
        arrived damaged operator shipped work working broken apart faulty leaking stop time""".split()
    ),
    lookalikes=frozenset(
        """slipped skipped shopped sipped snipped shipper shaped stopped whipped chipped clipped flipped
        returner exchanged derived deliver delivers""".split()
    ),
    purchase_words=PURCHASE_WORDS,
    variants=_VARIANTS,
    variant_kinds=frozenset({"size", "sizes", "colour", "colours", "color", "colors"}),
    variant_leads=frozenset({"in", "a", "an", "the", "to", "for", "them", "it"}),
    variant_after=_VARIANT_AFTER,
    possibility_questions=_POSSIBILITY_QUESTIONS,
    more_options=_phrases("""
        what else | anything else | any other options | any other option | other options | any alternatives |
        any other alternatives | what other | got anything else | have you got anything else | any other ideas |
        what are my other options | what are my options | what options do i have | what are the options |
        what are the alternatives | what else could you do | what else can you do | what else is there |
        what else have you got | whats the other option |
        what is the other option | is there another option | is there anything else | what else can you offer |
        difference between the options | difference between the two options | difference between both options |
        what are the two options | what were the options | what were the two options
    """),
    looking_into=_phrases("""
        chase it | chase it up | chase this | chase this up | chase that | chase that up | chase them | chase up |
        look into it | look into this | look into that | looking into | check on it | check it | check this |
        check that | check for me | find out | investigate | follow it up | follow this up | follow up on it |
        sort it out | sort this out | get it sorted | get this sorted | get someone to | have someone |
        someone check | someone look | please check | can you check | could you check | would you check |
        what now | so what now | now what | what next | whats next | what happens now | what happens next |
        what do i do now | what do we do now
    """),
    indifference=_INDIFFERENCE,
    only_one=_ONLY_ONE,
    return_costs=_RETURN_COSTS,
    variant_verbs=frozenset({"swap", "switch", "change", "exchange", "make", "replace"}),
    unused=_phrases("""
        still in the box | still in its box | in the original box | still boxed | still in the packaging |
        tags still on | tags are still on | with the tags | with tags on | tags on | labels still on | unopened |
        never opened | not been opened | havent opened | hasnt been opened | never used | not been used |
        havent used it | havent even used | never worn | never wore | never even wore | not been worn |
        havent worn | unworn | still sealed | still wrapped | it was a gift | its a gift | it is a gift | as a gift |
        was a present | as a present | a gift for | a present for | it was given to me | was bought for me
    """),
    unwanted=_phrases("""
        dont want it anymore | dont need it anymore | dont want them anymore | dont need them anymore |
        dont want it any more | dont need it any more | dont want them any more | dont need them any more |
        dont really want it | dont really need it | dont want to keep it | dont want to keep them |
        rather not keep it | rather not keep them | have no use for it | have no use for them | no use to me now |
        dont want the order | dont need the order | no longer afford | cant afford it | cannot afford it
    """),
    bot_questions=_phrases("""
        is anyone there | anyone there | is anybody there | anybody there | is someone there | someone there |
        is somebody there | somebody there | are you there | you there | are you still there | still there |
        anyone home | is anyone reading this | is anyone listening | hello anyone | hello hello |
        are you a bot | are you a robot | are you a real person | are you real | are you human | are you a human |
        are you a person | are you a machine | are you a computer | are you an ai | are you ai | are you automated |
        am i talking to a bot | am i talking to a robot | am i talking to a real person | am i talking to a human |
        am i talking to a person | am i talking to a machine | am i talking to an ai | am i chatting to a bot |
        am i chatting with a bot | am i speaking to a bot | am i speaking to a real person | is this a bot |
        is this a robot | is this automated | is this an automated | is this a real person | is this ai |
        is this an ai | is this a machine | is this a person | is this a human | are you a chatbot | is this a chatbot |
        who is this | whos this | who is that | whos that | who are you | who am i talking to | who am i speaking to |
        who am i chatting to | who am i chatting with | who is speaking | whos speaking | whats your name |
        what is your name | do you have a name | who am i talking with
    """),
    retractions=_phrases("""
        actually no | no wait | never mind | nevermind | scratch that | scrap that | forget that | forget it |
        on second thought | on second thoughts | ignore that | dont worry about that | no dont | no actually |
        actually its fine | no its fine | its fine actually | no its ok | actually its ok | dont worry | nvm |
        dont bother them | dont bother anyone | no need for a person | no need for anyone
    """),
    carrying_on=_phrases("""
        lets just continue | lets continue | lets carry on | lets just carry on | carry on with you |
        ill stay with you | ill stick with you | we can carry on | we can just carry on | we can continue |
        we can just continue
    """),
    no_need=_phrases("""
        thanks anyway | thank you anyway | thanks all the same | cheers anyway | ta anyway | never mind |
        nevermind | no worries | not to worry | dont worry | dont bother | no bother | forget it | its fine |
        its ok | its okay | its all good | all good | ill manage | ill sort it myself | ill sort it out myself |
        ill leave it | leave it | doesnt matter | it doesnt matter | no matter
    """),
    call_time=call_time,
    buying_later=_phrases("""
        before i order | before i buy | before i purchase | before ordering | before buying | if i order |
        if i buy | if i purchase | if i were to buy | if i were to order | thinking of buying | thinking of ordering |
        thinking about buying | thinking about ordering | planning to buy | planning to order | about to order |
        about to buy | were i to buy | considering buying |
        considering ordering | want to buy | wanting to buy | looking to buy | looking to order
    """),
    only_asking=_phrases("""
        just asking | only asking | just a question | quick question before | before i decide |
        before deciding | not sure yet | havent decided | not decided yet | still deciding | undecided |
        not sure if i want | not sure whether i want | might want to | i might return | i might cancel |
        thinking of returning | thinking about returning | thinking of sending | thinking about sending |
        thinking of cancelling | thinking about cancelling | considering returning | considering cancelling |
        just curious | out of curiosity | hypothetically | asking for now | for future reference
    """),
    went_ahead_unasked=_phrases("""
        i was just asking | i was only asking | was just asking | was only asking | i was asking | only asked |
        just asked | havent decided yet | havent decided | not decided yet | still deciding | didnt say go ahead |
        didnt say to go ahead | didnt ask you to | never asked you to | didnt tell you to | never said go ahead |
        didnt want you to do it yet | dont do it yet | not yet please
    """),
    go_ahead=_phrases("""
        can you do it | can u do it | could you do it | could u do it | will you do it | please do it |
        just do it | do it please | do it then | go ahead | go ahead then | please go ahead | can you go ahead |
        could you go ahead | can you sort it | can u sort it | please sort it | can you process it |
        please process it | can you start it | please start it | go for it | yes do it | ok do it | fine do it |
        yes do that | ok do that | okay do that | yeah do that | yes please do that | please do that |
        do that please | do that then | fine do that then
    """),
    sign_offs=frozenset(
        {
            "regards",
            "kind regards",
            "best regards",
            "warm regards",
            "warmest regards",
            "many regards",
            "best wishes",
            "yours sincerely",
            "yours faithfully",
            "sincerely",
        }
    ),  # fmt: skip
    not_names=frozenset(
        {
            "on",
            "in",
            "at",
            "under",
            "the",
            "a",
            "an",
            "not",
            "still",
            "also",
            "wrong",
            "spelt",
            "spelled",
            "misspelled",
            "different",
            "correct",
            "right",
            "written",
            "there",
            "missing",
            "and",
            "but",
            "same",
        }
    ),  # fmt: skip
    not_knowing=_phrases("""
        dont know | do not know | no idea | not sure what | cant find | cannot find | cant remember |
        cannot remember | dont remember | do not remember | dont have | do not have | lost | cant see |
        cant recall | dont recall | have no clue | no clue | not sure when | not sure which | not sure whether |
        not sure if | im not sure | unsure | cant tell | cannot tell | havent checked | have not checked |
        how would i know | how should i know | how am i supposed to know | how do i know | how can i tell |
        how do i tell | how do i check | how can i check | how do i find out | how can i find out | where do i look |
        where do i find | where can i find | where would i find | no way of knowing | what do you mean |
        what does that mean | what does it mean | what does dispatched mean | what does dispatch mean |
        what do you mean by | dont understand the question | do not understand the question | not sure | idk |
        dunno | not that i know of | not as far as i know | i think so | i guess so | might have | might not have |
        forgotten | forgot | have forgotten | ive forgotten | i forgot | misplaced | deleted the email |
        deleted the confirmation | no receipt | without a receipt | without the receipt | without receipt |
        no order number | no confirmation email
    """),
)
ENGLISH = with_familiar_words(ENGLISH)
"""The English lexicon."""
