"""Word lists the recogniser consults: names to find, and clinical and everyday words to keep.

The lists are small and written for this module, not exhaustive: a name that is in no list is
still found when its context gives it away ("Dr. ...", "my name is ...", a signature), and a name
that is also an ordinary word ("Will", "Grace") is only taken from context. Everything is stored
lowercase; lookups lowercase the token first.
"""

from __future__ import annotations

from typing import Final


def _words(block: str) -> frozenset[str]:
    return frozenset(word.lower() for word in block.split())


# ---------------------------------------------------------------------------------------------
# Names

FIRST_NAMES: Final = _words(
    """
    aaliyah aaron abby abdul abdullah abel abigail abraham ada adam addison adele adeline adrian
    adriana agnes ahmad ahmed aidan aiden aisha alan albert alberto alejandra alejandro alex
    alexa alexander alexandra alexis alfonso alfred alfredo ali alice alicia alison allison alma
    alvin amanda amber amelia amir amy ana anastasia andre andrea andreas andres andrew andy
    angela angelica angelina angie anita ann anna anne annette annie anthony antoine antonio april
    arjun arlene armando arnold arthur arturo ashley audrey aurora austin ava avery barbara barry
    beatrice beatriz becky belinda ben benjamin bernard bernice beth bethany betty beverly bianca
    billy blake bobby bonnie brad bradley brandon brenda brendan brent brett brian brianna bridget
    brittany brooke bruce bruno bryan bryce caitlin caleb calvin camila cameron camille carl carla
    carlos carmen carol carole caroline carolyn carrie casey cassandra catherine cathy cecilia
    cesar chad charlene charles charlie charlotte chelsea cheryl chloe chris christian christina
    christine christopher cindy claire clara clarence claude claudia clayton clifford clinton
    colin colleen connie connor constance cora corey courtney craig curtis cynthia daisy dale
    dallas damian dan dana daniel daniela danielle danny darlene darnell darren darryl dave david
    dawn dean deanna debbie deborah debra deepak delia denise dennis derek derrick desiree devin
    diana diane diego dolores dominic don donald donna dora doris dorothy douglas duane dustin
    dwayne dylan earl ed eddie edgar edith edna eduardo edward edwin eileen elaine eleanor elena
    eli elias elijah elizabeth ella ellen ellie elsa emily emma enrique eric erica erik erin ernest
    esther ethan eugene eva evan evelyn ezra fatima felicia felix fernando florence frances
    francesca francis francisco frank franklin fred freddie frederick gabriel gabriela gabrielle
    gail gary gavin gene geoffrey george georgia gerald geraldine gina giovanni gladys glen glenda
    glenn gloria gordon grace graham grant greg gregory gretchen guadalupe gustavo gwendolyn hailey
    haley hannah harold harper harriet harry harvey hassan hazel heather hector heidi helen helena
    henry herbert herman hilda holly howard hugh hugo ian ibrahim ida ignacio irene iris irma isaac
    isabel isabella isabelle isaiah ivan jack jackie jackson jacob jacqueline jaime jake james
    jamie jan jane janet janice jared jasmine jason javier jay jayden jean jeanette jeanne jeff
    jeffrey jenna jennifer jenny jeremiah jeremy jerome jerry jesse jessica jesus jill jim jimmy
    jo joan joann joanna joanne joaquin jodi joe joel johanna john johnny jon jonathan jordan jorge
    jose josefina joseph josephine josh joshua joy joyce juan juanita judith judy julia julian
    juliana julie julio june justin kaitlyn kara karen kari karim karl kate katherine kathleen
    kathryn kathy katie katrina kay kayla keith kelly kelsey ken kendra kenneth kenny kevin khalid
    kim kimberly kirk kristen kristin kristina kurt kyle lana lance larry laura lauren laurie
    lawrence leah lee leila lena leo leon leonard leroy leslie lester levi lewis liam lillian
    lily linda lindsay lindsey lisa liz lloyd logan lois lorena lori lorraine louis louise lucas
    lucia lucille lucy luis luke luz lydia lynn mabel mackenzie madeline madison maggie malik
    mandy manuel marc marcia marco marcus margaret margarita maria mariah marian marie marilyn
    mario marion marisa marjorie mark marlene marsha marshall martha martin marvin mary mason
    mateo matthew maureen maurice max maxine maya megan meghan melanie melinda melissa melvin
    mercedes meredith mia michael michele michelle miguel mildred milton mindy miranda miriam
    mitchell mohamed mohammad mohammed molly monica morgan muhammad myrtle nadia nancy naomi
    natalia natalie natasha nathan nathaniel neil nelson nicholas nicole nina noah noel nora
    norma norman oliver olivia omar oscar owen pablo paige pam pamela patricia patrick patsy
    paul paula pauline pedro peggy penelope peter phil philip phillip phyllis pierre priscilla
    priya rachel rafael ralph ramon randall randy raquel raul ray raymond rebecca regina reginald
    renee rhonda ricardo richard rick ricky riley rita roberta roberto robert robin rodney roger
    roland ron ronald ronnie rosa rosalie rose rosemary ross roxanne roy ruby rudy russell ruth
    ryan sabrina sally sam samantha samuel sandra sandy sara sarah scott sean sebastian sergio
    seth shane shannon sharon shawn sheila shelby shelly sherri sherry shirley sidney sierra
    silvia simon sofia sonia sophia sophie stacey stacy stanley stella stephanie stephen steve
    steven sue susan suzanne sylvia tamara tammy tanya tara taylor ted teresa terrance terrence
    terri terry thelma theodore theresa thomas tiffany tim timothy tina toby todd tom tommy toni
    tony tonya tracey traci tracy travis trevor tricia troy tyler tyrone valerie vanessa vera
    veronica vicki vickie victor victoria vincent viola violet virginia vivian wade walter wanda
    warren wayne wendy wesley whitney william willie wilma xavier yolanda yvette yvonne zachary
    zoe zoey
    mike jim jimmy tom bob bobby dave steve chris matt dan danny nick joe tony rick ron ken pete
    sam ben alex liz beth kate jen jenny deb debbie pam barb cathy kathy patty peggy becky cindy
    mandy sandy andy greg jeff jon josh tim zach zack nate jake luke alec abby maddie katie
    gabby izzy ellie millie sophie lexi kenny larry jerry gary terry barry harry billy willy
    aarav aditya akira amara amina anjali arnav ayesha bilal chen chiara darius dmitri elif
    emeka esperanza fang farah fatma francois giulia haruto hiroshi hui imran ines ingrid javad
    jing jun kaito kavya kenji kofi kwame lakshmi lars leila lin ling lorenzo magnus mai marco
    mariam matteo mehmet mei min minh mustafa nadia nguyen nikhil nikita niamh nour oksana olga
    omar priyanka rahul raj rajesh ramesh rania ravi rohan saanvi sakura sana sanjay santiago
    saoirse sergei shreya siddharth sigrid sione sven tariq thabo tomasz valentina vikram wei
    xin xiaoming yan yasmin yuki yusuf zainab zara zhang ziyad
    abena adebayo ama chinedu chiamaka ngozi oluwaseun tendai nia imani jamal keisha latoya
    deshawn ebony jalen shanice marquis
    aoife ciaran declan eoin siobhan padraig astrid bjorn freya klaus wolfgang jurgen dieter
    amelie margaux thibault alessandro katarzyna piotr agnieszka zofia anneliese natasha
    camila ximena valeria mariana fernanda paola alejandra gertrude ethel agnes mildred doris
    harold walter albert wendell virgil otis clyde homer elmer chester floyd stanley leonard
    ernest herbert norman lloyd russell
    olivia amelia scarlett aria layla nova luna hazel willow everly paisley brooklyn savannah
    skylar kinsley genesis nevaeh aubrey aubree arianna eliana gianna valentina serenity
    madelyn adeline kennedy reagan peyton quinn piper ruby sadie stella violet lucy
    grayson greyson jaxon jaxson jace jameson bryson axel everett kayden sawyer easton colton
    carson hudson josiah asher nolan landon maverick wyatt lincoln brayden roman ezekiel cooper
    emilia eliza elise eloise evangeline gemma genevieve georgina harriet ivy josie juliet
    kaylee kinley leilani lila lilah liliana lucille margot matilda maeve mila millie nadia
    natalia noelle octavia ophelia phoebe rosalie rowan sabrina selena sienna talia thea
    valerie vivienne wren zara aliyah amaya anaya arabella athena ayla brielle callie camilla
    cecilia dahlia delaney eden elaina elliana emersyn esme everleigh fiona gracie hadley
    harlow iris isla jade jocelyn jordyn juniper kali kamila kayla khloe kiara kylie laila
    londyn lucia lyla magnolia makayla malia marley mckenna melody miriam nayeli nyla paisley
    presley rebekah remi rylee saige scarlet sloane tessa vera vivian willa ximena zariah
    leonardo lorenzo luca mateo matias maximilian milo nico nicolas emiliano enzo gael
    giovanni ivan jasper kai kieran leon luka malachi micah miguel nathaniel oscar rafael
    remington rhys rory ronan sebastian silas soren theo thiago tobias wesley zane zion
    abram alden alec ari arlo atticus beckett bennett bodhi brady brantley brooks cade
    callum camden cason cayden cody cole collin corbin dallas damon dante dawson declan
    desmond dominick donovan elliot elliott emmett ephraim everett finn finley fletcher
    gideon graham grady gunner harrison hayden hendrix holden jensen jett joel jonah judah
    julius kaden kane karter kellan kendrick kingston knox lachlan lane legend lennox
    lukas marcus matthias maxwell messiah nash nehemiah orion otto paxton peyton porter
    quentin reid reuben riley romeo rowan ryder sage salvador samson santino sullivan
    tate thatcher titus tristan troy tucker uriah victor walker waylon weston wilder
    xander zachariah zayden
    agnes bertha blanche clara cora edith effie eleanor elsie esther estelle ethel eunice
    fannie florence frieda gertrude hattie hazel ida imogene inez irma leona lottie louisa
    lucinda mae mamie marguerite mattie maude minnie myrtle nellie nettie opal pearl
    rosella sadie stella sylvia theodora velma viola winifred
    abe alvin amos archie august barney bernard cecil chester clifford cornelius delbert
    elmer ernest eugene everett floyd franklin gilbert grover harlan horace hubert irving
    jasper lester lowell luther marvin maynard merle milton mortimer murray nelson newton
    orville oswald percy rufus seymour sherman silas sylvester thaddeus ulysses virgil
    wallace warren wilbur willard winston
    aditi aisha akash alok amit anil anita arun asha bhavna chandra deepa devi dinesh
    divya ganesh gita harish isha jaya kiran krishna kumar lata madhu mahesh manish
    meena mohan naveen neha nisha pooja pradeep prakash preeti rajiv rakesh ravi rekha
    ritu sachin sandeep sangeeta sarita shanti shilpa shiva sneha sonia suresh sushila
    usha vijay vinod yash
    ahmad amal amina aziz dalia faisal hamza hana hasan hussein ismail jamila karima laila
    layla leila malak maryam mona mustafa nabil nadia nasser noor rami rashid reem salma
    samir sara sami tarek waleed yasmin yousef zaid
    an anh bao chau dung hai hanh hieu hoa hung khanh lan long mai nam ngoc phuong quan
    thanh thu trang trinh tuan tung van viet xuan
    bo chang chun feng gang guang hong hua jian jie jin kang lei li lian liang ming ning
    ping qiang qing rong shan sheng shu tao ting wen xia xiao xiu yang yi ying yong yu yun
    zhen zhi zhong
    akiko ayumi daiki emi haruka hikaru hina hiro kazuki keiko kenta koji makoto mariko
    masato miki naoki ren riku ryo satoshi shota sora takashi takumi taro tomoko yoko
    yuko yuma yuto
    ji-ho ji-woo min-jun seo-yeon ha-eun do-yun seo-jun ji-hoon hye-jin eun-ji soo-jin
    adaeze ade ayo babajide chidi chika chioma chukwuemeka folake funmilayo ifeoma kemi
    kunle nnamdi obinna olu seun tunde uche yemi kwabena kwesi yaw akosua efua esi
    abdi amani baraka jabari juma kamau kibet njeri wanjiru zawadi sipho themba lindiwe
    bongani nomsa thandiwe
    alejandra alfonso alicia alonso amparo araceli beatriz blanca catalina cristina dolores
    esteban fabiola francisca gerardo graciela guillermo hilda humberto ines ismael jesus
    leticia lourdes marcela mercedes nestor octavio pilar ramiro reynaldo rocio rogelio
    rosario salvador socorro teresa ulises yesenia
    anneke annika birgit bjorn dagmar elke frauke gunter hanna hans heike helga henrik
    ines jens jorg jorgen karin katrin lena lukas maja mats mikael nils pernille rolf
    sigrid soren stefan sven ulrike ute wolfgang
    alessia aurelio beatrice carla carlo davide elena enrico fabio federico filippo
    franco gianluca giorgio giuseppe luigi marta massimo paolo riccardo roberto sergio
    simona stefano tommaso vincenzo
    aleksandr alexei anatoly andrei boris dmitry elena galina igor irina katya ludmila
    maxim mikhail nadezhda oleg pavel svetlana tatiana vladimir yuri
    agata andrzej barbara ewa grzegorz jakub janusz jerzy krzysztof malgorzata marek
    marta pawel stanislaw wojciech
    aoife brendan caoimhe ciara colm conor cormac deirdre eamon fergal grainne liam
    maire oisin orla ronan seamus sinead
    """
)

# First names that are also everyday or clinical words. They count as names only where the
# context says so ("my daughter Grace", "Dr. Will Parker", "Grace Kim"), never on their own.
AMBIGUOUS_FIRST_NAMES: Final = _words(
    """
    will may june april august summer autumn winter grace hope faith joy rose mark bill pat sue
    frank art bob jack dawn chase hunter guy ray gene rob dean drew iris lily ruby amber crystal
    destiny heather holly jade pearl violet daisy sky river rain star chance mason carter taylor
    parker cooper austin jordan dallas brooklyn paris london florence sage basil ginger pepper
    candy brandy sandy rusty sonny buddy king prince duke earl major miles christian angel bliss
    harmony melody serenity trinity genesis willow hazel olive clay cliff glen wade heath forest
    stone brook dale lane rich penny kitty nick colt jewel precious reed rod rocky tucker dusty
    sunny gay jay robin mercy ebony misty sterling ash bay cash fox rex max ace blaze storm
    marina asia india china kenya georgia virginia carolina dakota montana sierra savannah
    phoenix memphis denver eden haven heaven journey legacy lyric nova luna stella aurora
    addison grant don ben al ed joe sam tom kim lee jan kay lynn jo bo van mo page hunter
    piper lincoln roman maverick cash hong long an van lan nam scarlet
    legend messiah orion sage lane noel ping
    """
)

SURNAMES: Final = _words(
    """
    smith johnson williams jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
    wilson anderson thomas taylor moore jackson martin lee perez thompson harris sanchez clark
    ramirez lewis robinson walker allen wright scott torres nguyen hill flores adams nelson baker
    rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards
    collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson
    bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett
    gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez
    powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher
    vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace
    moreno west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford
    castro marshall owens harrison fernandez mcdonald woods washington kennedy wells vargas henry
    chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva
    shaw snyder mason dixon munoz hunt hicks holmes palmer wagner robertson boyd rose stone
    salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver
    ryan gardner payne grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos
    hart bradley knight elliott cunningham duncan armstrong hudson carroll lane riley andrews
    alvarado ray delgado berry perkins hoffman johnston matthews pena richards contreras willis
    carpenter lawrence sandoval guerrero george chapman rios estrada ortega watkins greene nunez
    wheeler valdez harper burke larson santiago maldonado morrison franklin carlson austin
    dominguez carr lawson jacobs obrien o'brien lynch singh vega bishop montgomery oliver jensen
    harvey williamson gilbert dean sims espinoza howell li wang zhang liu yang huang zhao wu zhou
    xu sun ma zhu hu guo lin he gao luo zheng liang xie tang han feng deng cao peng zeng xiao
    tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
    tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki
    yamaguchi matsumoto inoue kimura hayashi shimizu saito
    pham hoang phan vu dang bui do ngo duong ly vo truong dinh
    park choi jung kang cho yoon jang lim han shin oh seo kwon hwang ahn song
    sharma kumar gupta shah mehta reddy iyer nair rao joshi desai chatterjee banerjee mukherjee
    kapoor malhotra agarwal bhatt pillai menon krishnan verma chopra chaudhary mishra pandey
    khan ahmed ali hussain rahman hassan ibrahim mahmoud abdullah haddad nasser khalil saleh aziz
    okafor okonkwo adeyemi nwosu eze mensah owusu boateng asante abubakar mwangi otieno kamau
    dlamini ndlovu mokoena achebe olawale babatunde adeleke oyelaran
    oconnor o'connor oneill o'neill mccarthy macleod fitzgerald gallagher donnelly doyle byrne
    kowalski nowak wisniewski wojcik kaminski lewandowski zielinski szymanski kowalczyk
    mueller muller schneider fischer becker hoffmann schulz koch richter klein wolf schroeder
    neumann schwarz zimmermann braun kruger hofmann lehmann weber schafer
    dubois lefebvre moreau laurent fontaine rousseau girard bonnet bernard petit durand leroy
    rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
    costa giordano mancini lombardi moretti
    ivanov smirnov kuznetsov popov sokolov volkov petrov novak horvat kovacs nagy szabo
    andersson johansson karlsson nilsson eriksson larsson olsen nielsen virtanen korhonen
    silva santos oliveira souza pereira ferreira almeida carvalho gomes martins araujo
    cohen levy friedman goldberg katz shapiro rosenberg kaplan schwartz weiss stein
    mcguire mckenzie mcintyre macdonald mackenzie
    """
)

# Surnames that are also everyday words: a name only beside a first name or a title.
AMBIGUOUS_SURNAMES: Final = _words(
    """
    brown white young king green hall wood stone rice long hunt little bush rose bell ford
    west black gray grey price fox lane dean ray hart wells mills woods banks park cook cooker
    baker carpenter mason shepherd fisher hunter turner walker page bishop church fields frost
    hill holmes knight love moody nash pope power rich short small sharp snow spring strong
    swift wolf wise may day law hope grant bush gay head house rivers waters brooks lake lamb
    love noble rush sparks storm summers temple victory wall wade ward booth castle
    """
)

# Particles that sit inside names ("Ludwig van Beethoven", "Maria de la Cruz").
NAME_PARTICLES: Final = _words(
    "van von der den de del della da di du la le dos das ter ten bin ibn al el st"
)

# ---------------------------------------------------------------------------------------------
# Context words

TITLES: Final = _words(
    """
    mr mrs ms miss mx dr doctor prof professor nurse sister father rev reverend mister madam
    """
)

RELATIONS: Final = _words(
    """
    son daughter wife husband mom mum mother dad father brother sister grandma grandmother
    grandpa grandfather granny nana grandson granddaughter partner boyfriend girlfriend
    fiance fiancé fiancee fiancée friend child kid baby toddler infant aunt uncle cousin niece
    nephew neighbor neighbour roommate caregiver stepson stepdaughter stepmom stepdad
    stepmother stepfather spouse sibling twin coworker colleague boss patient pt client resident
    girl boy guardian carer parent grandchild grandkid grandkids godson goddaughter godmother
    godfather in-law mother-in-law father-in-law son-in-law daughter-in-law sister-in-law
    brother-in-law bestie housemate flatmate ex
    """
)

CLOSINGS: Final = _words(
    """
    thanks thank regards best sincerely cheers respectfully yours cordially love warmly
    gratefully blessings
    """
)

GREETINGS: Final = _words("hi hello dear hey hiya greetings morning afternoon evening")

# ---------------------------------------------------------------------------------------------
# Words to keep

# Eponyms whose word is hardly ever a person in a health question: kept even on their own.
STRONG_EPONYMS: Final = _words(
    """
    parkinson parkinsons alzheimer alzheimers crohn crohns hashimoto hashimotos cushings
    tourette tourettes hodgkin hodgkins raynaud raynauds sjogren sjögren sjogrens sjögrens
    asperger aspergers guillain barre barré gehrig kawasaki meniere ménière menieres ménières
    marfan klinefelter ehlers danlos kaposi burkitt wilms lewy behcet behçet dupuytren peyronie
    schlatter achilles eustachian fallopian heimlich apgar holter doppler kegel lamaze mohs
    nissen gaucher niemann duchenne hirschsprung zollinger creutzfeldt prader willi angelman
    rett fabry pompe tay wernicke korsakoff valsalva babinski snellen ishihara mantoux
    papanicolaou pap lyme reye colles heberden broca langerhans purkinje schwann golgi
    bartholin cowper skene meckel kussmaul cheyne trendelenburg romberg kernig brudzinski
    mcburney rovsing homan homans phalen tinel hallpike friedewald swan ganz roux billroth
    tenckhoff groshong seldinger dubin crigler najjar brugada takayasu wegener fanconi bartter
    kimmelstiel munchausen capgras cotard henoch schonlein schönlein charcot friedreich
    """
)

# Eponyms that are also common names ("Graves", "Wilson", "Down"): kept when a disease word or
# a possessive follows them, names otherwise.
WEAK_EPONYMS: Final = _words(
    """
    addison graves bell wilson down turner gilbert williams paget barrett baker still pick
    bright conn sheehan morton cushing reiter berger alport johnson stevens adams tietze
    dressler prinzmetal osler stockholm edwards patau becker marie tooth ewing merkel hirsch
    virchow horner bowen marjolin spitz tommy john lou west nile rocky mountain von willebrand
    hippel lindau jakob mallory weiss noonan finkelstein lachman hickman quinton epstein barr
    bouchard huntington huntingtons foley whipple sachs epley osgood glasgow stokes fowler
    hartmann murphy thompson dix gault cockcroft rotor hunter hurler
    """
)

# Nouns that turn a preceding eponym into a clinical term.
EPONYM_HEADS: Final = _words(
    """
    disease diseases syndrome palsy phenomenon disorder lymphoma sarcoma tumor tumour
    thyroiditis ataxia dystrophy chorea dementia esophagus oesophagus cyst sign signs maneuver
    manoeuvre test score scale smear catheter monitor tendon tube tubes node nodes virus fever
    surgery procedure operation reflex triad ulcer contracture anomaly criteria classification
    sphincter body bodies cell cells islets area aphasia encephalopathy psychosis fracture
    hernia arthritis neuroma neuralgia granulomatosis purpura method exercises exercise position
    sequence equation formula respiration breathing nodule nodules gland glands duct ducts
    canal loop space pouch diverticulum angina disease's arteritis nephropathy anemia anaemia
    tract type variant mutation gene protein factor effect law rule count stain shunt repair
    line lines technique approach incision bag
    """
)

# The heads that make any capitalised words right before them an eponym.
DISEASE_HEADS: Final = _words(
    """
    disease diseases syndrome palsy phenomenon disorder lymphoma sarcoma tumor tumour thyroiditis
    ataxia dystrophy chorea dementia anomaly sign maneuver manoeuvre virus fever ulcer contracture
    neuroma neuralgia aphasia encephalopathy esophagus oesophagus procedure operation reflex triad
    """
)

# Everyday words that appear capitalised at the start of sentences, in headings and in form
# labels. A capitalised token in this list is never taken for a name on its own.
COMMON_WORDS: Final = _words(
    """
    a about above after again against ago all almost also although always am an and another
    any anyone anything are around as ask asked at away back bad be because been before being
    below best better between both but by call called came can cannot could did do does doing
    done down during each early either else enough even ever every everyone everything few
    first for from full further get gets getting give given go goes going gone good got great
    had has have having he her here hers herself him himself his how however i if in instead
    into is it its itself just keep kind know last late later least left less let like little
    lot lots made make many maybe me might mine more most much must my myself near need needs
    never new next no none nor not nothing now of off often oh ok okay old on once one only
    or other others our ours out over own part past per please quite rather really recently
    right said same say says second see seems seen she should since so some someone something
    sometimes soon still such sure take taken than thank thanks that the their theirs them
    then there these they thing things think this those though through thus to today together
    told tomorrow too took toward under until up upon us use used very want wants was way we
    well went were what whatever when where whether which while who whom whose why will with
    within without would yes yesterday yet you your yours yourself
    able above across actually add added advice afraid age ages allergic allergies allergy
    almost alone already also anyway anywhere appointment appointments approved area arm arms
    assessment attached available average awake aware bed bedtime begin behind believe bit
    blood body bottle brain breakfast breath bring called calling came care careful case cause
    caused center change changed check checked checkup chief child children clear clinic close
    cold come comes coming complaint concern concerned condition conditions confirm contact
    continue copy cost cough could count course cover covered current currently daily damage
    date day days dear decided department diagnosis diagnosed diet different dinner discharge
    discharged discuss doctor doctors dose doses drink drive drop due ear ears easy eat eating
    education emergency end enough entire especially evening exactly exam example except
    exercise eye eyes face fall family feel feeling feels felt fever file fill find fine finger
    follow following food foot form forms found friday front fully gave general getting glad
    go great group guess hand hands happen happened happy hard head health healthy hear heard
    heart help helps high history home hope hospital hour hours house hurt hurts ill illness
    important information injury inside insurance issue issues item keep kept kid kids knee
    knew lab labs large last late leg legs level levels life light line list live lives living
    long look looking lost loud low lower lunch main medical medication medications medicine
    meds meeting message middle mild mind minute minutes miss missed moderate monday month
    months morning mouth move moved name names needed nervous night normal note notes number
    numbers nurse office older open order orders pain painful paper patient patients pay people
    period person phone physical physician pill pills place plan please point portal possible
    practice prescription prescribed present presents pressure primary problem problems provider
    question questions quick reason recent record records referral refill refills regarding
    regular relief report reports request results return review right room routine run safe
    saturday schedule scheduled school seem send sent service services severe short show shot
    sick side sign since skin sleep slight small soon sore sorry special start started status
    stay stomach stop stopped strong sudden sunday support surgery symptom symptoms system test
    tested testing tests thursday time times tired total treatment tried trouble try trying
    tuesday turn type under update upper urgent visit visits wait waiting wake walk walking
    wednesday week weekend weeks weight went whole wife woman women work worked working worried
    worse worst year years young saturday sunday january february march april may june july
    august september october november december mon tue tues wed thu thur thurs fri sat sun jan
    feb mar apr jun jul aug sep sept oct nov dec christmas easter thanksgiving halloween
    english spanish french german chinese japanese korean vietnamese arabic hindi russian
    portuguese italian polish american canadian mexican british european asian african
    god lord jesus christ bible church mom mum dad grandma grandpa nana papa granny
    hi hello hey dear regards sincerely thanks cheers best
    med meds rec no nos dept hosp appt appts pt pts dx hx rx tx sx fx yo vs re cc fyi asap
    apple watch pixel galaxy iphone android siri google amazon facebook instagram youtube
    tiktok reddit zoom teams
    furthermore however moreover therefore additionally meanwhile otherwise instead indeed
    finally firstly secondly lastly unfortunately fortunately sadly luckily honestly basically
    human phenotype ontology research stage stages tumor tumors tumour tumours click here soft
    tissue scene amount fat lifestyle changes tool adult adults acute chronic common causes
    scientists translational genome embryonal spinal cord respite eldercare locator america
    latin overview outlook summary treatment treatments types signs cause risk factors
    medline medlineplus pubmed abstract abstracts familial mediterranean wave diathermy
    task force pacific islander islanders islands alaska native hispanic latino latina latinx
    indigenous aboriginal caucasian preventive services alcoholics narcotics anonymous
    plus drug drugs cross shield blue red white black gold silver cost free life club national
    international united community memorial regional county valley mountain ocean park
    associates partners solutions systems advantage choice select premier prime standard basic
    direct express mail order online virtual digital smart connect care plus one total
    children's women's men's veterans va kaiser's

    internet email website app online portal phone text texts message voicemail fax
    street avenue road drive lane boulevard court suite apt apartment unit floor building box
    city county state country zip code address mailing billing statement invoice claim claims
    account balance payment copay deductible premium coverage plan plans policy member
    subscriber group id identification license licence passport certificate card number
    serial device pump monitor meter sensor transmitter model vehicle car plate
    dob birth born birthday date age aged sex gender male female man woman boy girl
    reason visit chief complaint hpi ros pmh psh fh sh exam assessment impression plan
    vitals labs imaging medications allergies history problem list diagnosis diagnoses
    signed electronically attending resident fellow intern referring primary care provider
    emergency contact relationship guardian parent legal next kin
    urgent care er icu ed ward unit floor department clinic center centre hospital medical
    health healthcare pharmacy lab laboratory imaging radiology cardiology oncology
    neurology pediatrics surgery orthopedics dermatology psychiatry psychology therapy
    university college institute foundation association society network services
    north south east west northern southern eastern western central upper lower
    new old big small great little mount saint st fort port lake river valley
    yes no not none n/a na unknown other
    """
)

# Clinical vocabulary: conditions, symptoms, body parts, tests, drugs (generic and brand).
CLINICAL_WORDS: Final = _words(
    """
    abdomen abdominal ache aches acid acne adhd afib aids alcohol allergy anemia aneurysm angina
    ankle anxiety aorta appendicitis appendix arrhythmia artery arthritis asthma autism back
    bacteria biopsy bladder bleeding blister bloating blood bmi bone bones bowel bp brain
    breast breathing bronchitis bruise bruising burn bursitis bypass calcium cancer cardiac
    cataract cataracts catheter cbc celiac cervical chemo chemotherapy chest chills cholesterol
    chronic circulation cirrhosis clot colitis colon colonoscopy concussion congestion
    constipation copd coronary cough covid cramp cramps creatinine cyst dehydration dementia
    dental depression dermatitis diabetes diabetic dialysis diarrhea diarrhoea dizziness dizzy
    dvt ecg echo eczema edema egfr ekg embolism emphysema endometriosis epilepsy esophagus
    fatigue fatty fever fibroids fibromyalgia flu fracture gallbladder gallstones gastritis gerd
    glaucoma glucose gout hba1c hdl headache headaches hearing heart heartburn hemoglobin
    hemorrhoids hepatitis hernia herpes hip hiv hives hormone hypertension hypoglycemia
    hypothyroidism hysterectomy ibs immune infection inflammation influenza inhaler injection
    insomnia insulin intestine itching itchy jaundice joint joints kidney kidneys knee labs ldl
    leukemia ligament liver lump lumps lung lungs lupus lymph lymphoma measles melanoma
    menopause migraine migraines mole mri muscle nausea neck nerve neuropathy nose numbness
    obesity osteoarthritis osteoporosis ovary ovarian pacemaker palpitations pancreas
    pancreatitis pap pcos pelvic pneumonia polyp polyps potassium pregnancy pregnant prostate
    psa psoriasis ptsd pulse rash reflux rheumatoid rsv sciatica scoliosis seizure seizures
    sepsis shingles shoulder sinus sinusitis skin sleep smoking sodium spine spleen sprain
    stent stomach strep stroke sugar swelling syndrome tendon tendonitis thyroid tia tinnitus
    tonsils tooth tsh tumor tumour ulcer ulcers urinary urine uti uterus vaccine vertigo virus
    vision vitamin vomiting wheezing wound wrist coma scale c-section x-ray t-cell b-cell
    hep ashwagandha turmeric curcumin magnesium zinc elderberry echinacea ginkgo ginseng valerian
    kratom cbd thc creatine collagen biotin berberine coq10 kava palmetto garlic omega-3 glucosamine
    chondroitin psyllium senna niacin quercetin lions mane rhodiola maca moringa spirulina
    shingrix tdap dtap mmr hpv gardasil prevnar pneumovax fluzone flublok comirnaty spikevax arexvy
    abrysvo heplisav twinrix boostrix adacel ipv varivax zostavax bcg covid-19 sars-cov-2 rsv
    flu-shot epipen epi-pen narcan naloxone xray x-ray a1c hba1c bpm mg mcg ml dl mmol
    cbc cmp bmp lft inr ptt ast alt alk bun wbc rbc hct plt ana crp esr ck bnp troponin
    ferritin iron folate b12 d3 omega fish oil probiotics
    acetaminophen adderall advil albuterol aleve allegra amitriptyline amlodipine amoxicillin
    ativan atorvastatin augmentin azithromycin benadryl bupropion buspirone celebrex celexa
    cephalexin cetirizine cialis cipro ciprofloxacin citalopram claritin clonazepam clopidogrel
    crestor cymbalta depakote diazepam diclofenac digoxin dilantin doxycycline dupixent
    duloxetine effexor eliquis entresto escitalopram estradiol excedrin famotidine farxiga
    fentanyl flonase fluoxetine flomax furosemide gabapentin glipizide humalog humira
    hydrochlorothiazide hydrocodone ibuprofen imitrex invokana jardiance januvia keflex
    keppra keytruda klonopin lamictal lamotrigine lantus lasix levaquin levothyroxine lexapro
    lipitor lisinopril lithium loratadine lorazepam losartan lyrica meloxicam metformin
    methotrexate metoprolol mobic montelukast morphine motrin mounjaro naproxen narcan
    neurontin nexium norco novolog omeprazole ozempic pantoprazole paxil paxlovid penicillin
    pepcid percocet plavix pradaxa pravastatin prednisone prilosec pristiq propranolol protonix
    prozac quetiapine ranitidine remicade rybelsus seroquel sertraline sildenafil simvastatin
    singulair spiriva spironolactone sudafed suboxone sumatriptan symbicort synthroid tamiflu
    tamoxifen tramadol trazodone trulicity tylenol valium valtrex venlafaxine ventolin viagra
    victoza vyvanse warfarin wegovy wellbutrin xanax xarelto zantac zepbound zithromax zofran
    zoloft zolpidem zyrtec metamucil miralax mucinex nyquil dayquil robitussin tums pepto
    bismol imodium dramamine claritin-d zyrtec-d aspirin insulin glargine lispro aspart
    semaglutide tirzepatide liraglutide dulaglutide empagliflozin dapagliflozin sitagliptin
    apixaban rivaroxaban dabigatran ticagrelor brilinta repatha praluent leqembi aricept
    donepezil memantine namenda sinemet carbidopa levodopa ropinirole pramipexole
    medicare medicaid tricare aetna cigna humana anthem kaiser permanente unitedhealthcare
    bluecross blueshield cvs walgreens walmart costco kroger rite aid mychart epic cerner quest
    labcorp fitbit dexcom libre freestyle omnipod tandem medtronic abbott pfizer moderna
    novavax janssen merck lilly novo nordisk astrazeneca webmd mayo cleveland hopkins nih cdc
    fda who nhs gp a&e aha ada acs
    """
)

US_STATES: Final = _words(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
    """
)
US_STATE_PHRASES: Final = (
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "rhode island",
    "south carolina",
    "south dakota",
    "west virginia",
    "district of columbia",
)
US_STATE_CODES: Final = frozenset(
    """
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
    NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR
    """.split()
)

# ---------------------------------------------------------------------------------------------
# Cues around names

# Function words: never part of a name, whatever their case.
FUNCTION_WORDS: Final = _words(
    """
    a an the and or but of to in on at for with from by as is was are were be been am i me my you
    your he him his she her it its we us our they them their this that these those who whom what
    which when where why how not no so if then than too very just also only here there
    """
)

# Words after which a capital letter is a label, not an initial ("hepatitis C", "type A").
LETTER_LABELS: Final = _words(
    """
    type stage grade class group factor part level phase plan section category option tier zone
    ward unit room bed vitamin hepatitis hep strep appendix schedule lot row seat gate exhibit
    figure table list item step box line blood cluster fraction
    """
)

# Verbs whose subject is a person rather than a drug or a disease ("Zoloft makes me..." is not).
PERSON_VERBS: Final = _words(
    """
    refuses refused keeps kept says said told tells wants wanted feels felt thinks thought
    complains complained reports reported denies denied lived worked went goes cried slept ate
    walked fell forgot forgets remembers remembered asked asks woke wakes hates loves likes wonders
    believes insists screamed played passed died fainted collapsed vomited coughed struggled
    stayed weighs weighed drank smoked
    ran moved wrote writes texted emailed mentioned noticed drove drives picked brought
    """
)

# "can't swallow", "won't eat": a negation then something only a person does. ("Rosacea cannot
# be prevented" is not a person.)
NEGATIONS: Final = _words("can't cannot won't doesn't didn't couldn't wouldn't refuses refused")
PERSON_ACTIONS: Final = _words(
    """
    swallow sleep walk eat drink remember stand talk speak hear see sit swim drive work focus
    concentrate climb dress read write afford wait cope understand tolerate breathe chew bathe
    shower feed recognize recognise stop
    """
)

# Verbs that take a person as their object ("ask Marisol", "told Priya").
OBJECT_VERBS: Final = _words(
    """
    ask asked tell told thank thanked text texted email emailed message messaged saw see seeing
    visited meet met remind reminded let cc contact contacted page paged
    """
)

# "call"/"called" take a person only after one ("I called Maria"); "bacteria called Chlamydia"
# and "also called HbA1c" name a thing.
CALL_VERBS: Final = _words("call called calling")
CALLERS: Final = _words(
    "i we you he she they mom dad wife husband someone nurse doctor please to can could will would"
)

# Endings of English words that names rarely have; an unknown capitalised word ending so is
# taken for a word ("Preventive", "Hemophilia", "Covering"), not for a name.
WORD_ENDINGS: Final = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ous",
    "ive",
    "ism",
    "ist",
    "ize",
    "ise",
    "ology",
    "ics",
    "itis",
    "osis",
    "emia",
    "aemia",
    "oma",
    "pathy",
    "ectomy",
    "otomy",
    "plasty",
    "gram",
    "graphy",
    "scopy",
    "able",
    "ible",
    "ance",
    "ence",
    "ency",
    "ancy",
    "ship",
    "hood",
    "ful",
    "less",
    "ary",
    "ory",
    "ure",
    "ical",
    "ally",
    "ular",
    "ing",
    "ings",
    "ies",
    "ines",
    "ones",
    "ids",
    "als",
    "ers",
    "ents",
    "ions",
    "ia",
    "iae",
    "ae",
    "ic",
    "tic",
    "lic",
)

# Modal verbs that open a question about a person ("Can Hunter pick up...").
MODALS: Final = _words("can could would will should did does may might must")

# Words after "Will" or "May" that make it a question, not a person ("Will this help?").
QUESTION_FOLLOWERS: Final = _words(
    "this it that these those i you he she we they my your his her our their the a an there be not"
)

# Titles that are also plain nouns: "the doctor said" is no title, "Doctor Holmes" is.
NOUN_TITLES: Final = _words("doctor nurse sister father professor madam")
