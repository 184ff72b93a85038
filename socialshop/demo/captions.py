"""What the demo personas write: kinds of posts with their captions, hashtags, comments and replies.

A caption template may use these slots, filled from the post's photo and the seed:
{subject} {color} (what the photo shows), {shop} {friend} (an @mention), {km} {elev} {n} {place}
{month}. Hashtags come from the kind's set, so the same tags recur across the world.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PostKind:
    name: str
    scene: str | None  # the photo scene (socialshop.demo.scenes); None for text posts
    captions: tuple[str, ...]
    tags: tuple[str, ...]
    comments: tuple[str, ...]
    replies: tuple[str, ...] = ("Thank you! 🙏", "Thanks, that means a lot", "Haha, exactly", "Glad you like it!")
    subjects: tuple[str, ...] = ()  # which of the scene's subjects fit these captions (all if empty)
    shop: str = ""  # the seller a {shop} mention points at


_TEXT_COMMENTS = (
    "So true", "Agree 100%", "Thanks for sharing!", "Ha, same here", "Needed this today", "Good tip, saving it",
    "This is the way", "Couldn't agree more", "Noted! 📝",
)

KINDS: dict[str, PostKind] = {k.name: k for k in (
    # --- sellers ---------------------------------------------------------------------------------
    PostKind(
        "knit_product", "sweater",
        (
            "New in: the {color} {subject}. Hand-finished in Bergen, only {n} of them this week.",
            "The {color} {subject} is back in stock. The pattern my grandmother knitted, in softer wool.",
            "Details on the {color} {subject}: ribbed cuffs, a dropped shoulder, and wool that gets softer with every wash.",
            "Packing orders today: {color} {subject}s off to Lyon, Leeds and Lisbon ✨",
            "Thinking of a {color} {subject} for someone this winter? It comes wrapped, with a handwritten card.",
            "{n} hours of finishing go into every {subject}. Worth every one.",
            "Cold mornings call for the {color} {subject}. Which colour should we knit next?",
            "Our {color} {subject}, photographed on the one sunny day we had this month.",
            "Last few {color} {subject}s in medium and large. Small is sold out, sorry!",
            "Meet the {color} {subject}: our bestseller three winters running.",
            "Blocking the {color} {subject}s before they go out. The slow part nobody sees.",
            "A {color} {subject} for the person who is always cold. You know who they are.",
            "Pattern notes for the {color} {subject}: 7 stitches per inch, 100% Norwegian wool.",
        ),
        ("knitwear", "handmade", "slowfashion", "cozy", "wool", "giftideas"),
        (
            "That colour is gorgeous 😍", "Is it itchy? My skin hates most wool", "How does the sizing run?",
            "Need this for winter", "Adding it to my wishlist", "The ribbing detail 👌", "Do you ship to Spain?",
            "Mine arrived yesterday, even nicer in person", "Would love this in a darker shade",
        ),
        (
            "Not itchy at all, it's a soft lambswool blend", "True to size. Size down if you like it snug",
            "Yes, we ship all over Europe!", "Thank you! 🧶", "So happy it arrived safely!",
            "A darker one is on the needles right now 😉",
        ),
    ),
    PostKind(
        "knit_news", None,
        (
            "Restock on Friday at 10:00 CET: cardigans in oat, rust and forest green.",
            "How to wash wool: rarely, cold, flat to dry. That's the whole secret.",
            "We're taking custom orders for {month} again. Tell us your colour.",
            "A customer sent a photo of her 12-year-old sweater from us today. Still going. That's the point.",
            "Yarn delivery day. The studio smells like a sheep and we love it.",
            "Small shop confession: every order still gets packed by me at the kitchen table.",
            "Mending service is open again: send us your holey sweaters, any brand.",
            "The new colour card is here. Twelve shades, all dyed in small lots.",
            "It's minus two in Bergen and the knitting circle is sold out. Perfect evening.",
            "Wool fact: it keeps you warm even when it's damp. Nature's tech fabric.",
            "Gift cards are back for the holidays, in any amount you like.",
            "We said no to a big retailer this week. Staying small on purpose.",
        ),
        ("knitwear", "slowfashion", "smallbusiness", "wool"),
        _TEXT_COMMENTS + ("Setting an alarm for Friday!", "This is why I buy from you"),
    ),
    PostKind(
        "ceramic_product", "ceramic",
        (
            "Fresh out of the kiln: {color} {subject}s. Every glaze firing is a small surprise.",
            "This {color} {subject} took three firings to get right. Worth it.",
            "The {color} glaze pools where the clay is thinnest, so no two {subject}s are alike.",
            "A {subject} for slow mornings: {color} glaze, raw clay foot, dishwasher safe.",
            "Kiln opening day, my favourite day. {n} {subject}s made it, all of them {color}.",
            "Seconds sale this weekend: {color} {subject}s with tiny glaze flaws, same love.",
            "Made in small batches, so when the {color} {subject}s are gone, they're gone.",
            "Glaze day results: {color} on a speckled body. Very happy with this {subject}.",
            "Photographed the new {color} {subject}s in the morning light before they go online.",
            "Every {subject} is signed on the foot. This {color} one is number {n} of the batch.",
            "The {color} {subject} is our answer to a grey winter.",
            "Restocked the {color} {subject}s. Wrapped in paper, never plastic.",
            "Pairs well with coffee, flowers or nothing at all: the {color} {subject}.",
        ),
        ("ceramics", "stoneware", "handmade", "smallbatch", "pottery", "homedecor", "giftideas"),
        (
            "The glaze on this!", "Is it microwave safe?", "I need a full set", "That drip 😍",
            "Saving this for my birthday list", "How big is it?", "Bought one last month, use it every day",
        ),
        (
            "Yes, microwave and dishwasher safe", "About 350 ml, a proper coffee", "Thank you! Next batch in two weeks",
            "Sets are coming with the next firing", "That makes me so happy to hear",
        ),
    ),
    PostKind(
        "ceramic_news", None,
        (
            "Loading the kiln tonight. 1240°C by morning. Wish us luck 🔥",
            "Glaze test tiles everywhere. Celadon or ash for the next batch?",
            "Workshop places for {month} are open: six people, three hours, one wonky bowl each.",
            "Throwing twenty mugs today. My arms will tell me about it tomorrow.",
            "Reminder that handmade means slightly different every time. That's the charm, not a flaw.",
            "Reclaiming clay today. Nothing goes to waste in this studio, not even the mistakes.",
            "Someone asked why a mug costs €38. Two days of work, three firings, one person. That's why.",
            "Trying a new wood ash glaze. Early tiles look like a winter sky.",
            "The studio cat has claimed the drying shelf. Production is paused.",
            "Orders placed by Sunday ship before the holidays.",
        ),
        ("ceramics", "pottery", "stoneware", "smallbusiness"),
        _TEXT_COMMENTS + ("Celadon, always", "Ash! 🙋", "Booking a spot right now"),
    ),
    PostKind(
        "trail_photo", "mountains",
        (
            "Tested the new packs on {place} at {color} yesterday. {km} km, {elev} m up, nothing rubbed.",
            "Golden hour belongs on a ridge. Where are you running this weekend?",
            "Team run on {place}: {km} km, two snack stops, one wrong turn.",
            "Our shoe testers put {km} km on {place} this week. Full notes soon.",
            "{place} at {color}. This is why we test gear outside, not in a lab.",
            "Night-time test on {place}: the new headlamps held for {n} hours.",
            "Friday team run, {km} km. Nobody talked about work. Well, almost nobody.",
            "Scouting {place} for our spring trail day. {elev} m of climbing, bring snacks.",
            "Light was perfect on {place} tonight. The gear was fine too.",
        ),
        ("trailrunning", "outdoors", "hiking", "mountains", "gear"),
        (
            "Those views!", "What pace were you running?", "Which shoes on that terrain?",
            "Adding this route to my list", "Goals 🏔️", "Was it muddy up there?",
        ),
        (
            "Easy pace, lots of photo stops", "The Ridge 2, grippy on wet rock", "Dry on top, muddy in the woods",
            "Go early, it gets busy by noon",
        ),
    ),
    PostKind(
        "gear_flatlay", "flatlay",
        (
            "Everything I carry on a {km} km day: bottle, gels, cap, and a paper map because batteries die.",
            "Packing for {place} this weekend. What am I forgetting?",
            "Kit check before the long run. Less is more, but never skip the gels.",
            "What our team actually carries on a {km} km test run.",
            "Race day kit laid out the night before, like a nervous person.",
            "The {km} km kit: nothing new on race day.",
            "Minimalist run kit. Phone stays home.",
        ),
        ("trailrunning", "gear", "outdoors", "runhappy"),
        ("Sunscreen!", "A rain shell, always", "Which gels are those?", "Great list, saving it", "Where's the headlamp? 😄"),
        ("Good call!", "The citrus ones, easy on the stomach", "Forgot it once, never again"),
        subjects=("trail kit",),
    ),
    PostKind(
        "gear_news", None,
        (
            "Field test report: the new vest after {km} km. Bounce-free, pockets you can reach, dries in an hour.",
            "Repair, don't replace: send us your worn-out packs and we'll fix them for free this month.",
            "Trail etiquette: uphill runners have right of way. Say hi. Close the gates.",
            "Our shoe lab is a mountain and the testers are our friends. Sign up for {month}'s test group!",
            "Leave no trace, even the banana peel. It takes two years to break down up there.",
            "Headlamp season is here. Check your batteries before you need them.",
            "We now list the repairability score on every product page.",
            "Community run this Saturday: easy pace, no one gets left behind.",
            "Packed our last orders for the week. The team is going running.",
        ),
        ("trailrunning", "gear", "outdoors", "sustainable"),
        _TEXT_COMMENTS + ("Signing up!", "Love the free repairs"),
    ),
    PostKind(
        "skincare_product", "shelf",
        (
            "Our {subject} in {color} glass: five ingredients, all of them ones you can pronounce.",
            "A small batch of {subject} bottled this morning. Cold-pressed and unscented, {n} bottles only.",
            "Shelf goals: the whole routine in {color} glass.",
            "Why {color} glass? It keeps light away from the oils, so the {subject} stays fresh longer.",
            "New label, same {subject}. Which do you prefer?",
            "The {subject} is back, and this time we made twice as much.",
            "Bottling day for the {subject}. The whole studio smells of calendula.",
            "What's in our {subject}? Oils, a little vitamin E, and nothing else.",
            "The {subject} in {color} glass, photographed before it sells out again.",
            "Customer favourite: the {subject}. One drop is enough, we promise.",
            "Batch {n} of the {subject} is ready to ship.",
            "Refills for the {subject} are now available in the shop.",
            "Sunday shelf reset with our {subject} front and centre.",
        ),
        ("skincare", "minimalskincare", "plantbased", "smallbatch", "selfcare"),
        (
            "Is it okay for sensitive skin?", "The packaging is so pretty", "Is it fragrance-free?",
            "I've used the {subject} for a month, my skin loves it", "Restock when? 🙏", "Do you ship outside the EU?",
        ),
        (
            "Yes, fragrance-free and gentle", "Restock on Thursday!", "So glad it works for you 💚",
            "Patch test first, but most sensitive skin does well with it", "We do! Shipping is a flat €6",
        ),
    ),
    PostKind(
        "skincare_news", None,
        (
            "Ingredient spotlight: rosehip oil. Vitamin A, a light texture, no greasy finish.",
            "Reminder: sunscreen is the best anti-ageing product there is. Ours or anyone's.",
            "We test every batch on our own skin first. Tough job.",
            "Refill pouches are here: bring back the glass, pay less, waste less.",
            "You asked for a travel size. It's coming in {month}.",
            "No fragrance, no filler, no fancy words. Just oils that work.",
            "Winter skin tip: moisturise on damp skin, it locks in the water.",
            "Our glass is recycled and so is the shipping box. Only the oil is new.",
            "Behind the scenes: labelling 300 bottles by hand this afternoon.",
            "Q&A this Thursday: ask us anything about ingredients.",
        ),
        ("skincare", "selfcare", "sustainable", "plantbased"),
        _TEXT_COMMENTS + ("Refills! Finally", "Travel size yes please"),
    ),
    # --- shoppers --------------------------------------------------------------------------------
    PostKind(
        "ootd", "sweater",
        (
            "Today's uniform: the {color} {subject} from {shop}, old jeans, too much coffee.",
            "Three winters in and this {subject} still looks new. Buy less, buy better.",
            "Wearing the {color} {subject} again. Review: warm, not itchy, pockets would be nice. 8/10",
            "{friend} asked where my {subject} is from: {shop}, hand-finished.",
            "The {color} {subject} has officially replaced my entire wardrobe.",
            "Rainy day, {color} {subject}, no plans. Perfect.",
        ),
        ("ootd", "slowfashion", "knitwear", "cozy"),
        ("Love this on you", "The colour suits you!", "Need to get one", "Is it warm enough for Oslo?", "Cute! 😍"),
        ("Thank you! ☺️", "Very warm, I promise", "Do it, you won't regret it", "Ha, thanks!"),
        shop="nordic_knits",
    ),
    PostKind(
        "bag", "flatlay",
        (
            "What's in my bag today. Mostly snacks and a notebook for reviews.",
            "Flat-lay for the weekend trip. Packed light for once.",
            "Everyday carry, autumn edition.",
            "Small things that make the day better.",
            "Pocket contents after a day in town, tidied up for the photo.",
            "Things I reach for every morning.",
        ),
        ("ootd", "slowfashion", "giftideas"),
        ("Where are the sunglasses from?", "So neat!", "That notebook 😍", "My bag could never look like this"),
        ("Vintage shop in town!", "It took 20 minutes to arrange, don't be fooled", "Ha, thanks!"),
        subjects=("accessories",),
    ),
    PostKind(
        "coffee", "flatlay",
        (
            "Coffee number {n}. Don't judge.",
            "Slow morning, fast coffee ☕",
            "Café desk today, writing reviews of everything I bought this year.",
            "Croissant, flat white, a to-do list I will ignore.",
        ),
        ("coffee", "slowliving", "cozy"),
        ("Which café is this?", "That latte art!", "Same energy today", "Number {n}?! Respect"),
        ("The little one by the station", "Not mine, the barista is a genius", "Ha, every day"),
        subjects=("coffee",),
    ),
    PostKind(
        "review", None,
        (
            "Honest review: the mug from @clay_and_co after six months. No chips, the glaze is still perfect, I use it daily. 9/10",
            "Returned the fast-fashion cardigan, kept the one from @nordic_knits. It's the fit. And the seams.",
            "Review of the face oil from @glow_botanics: absorbs fast, no smell, a little goes a long way. Buying again.",
            "Tried the trail vest from @sunpeak_outdoor on a city run. Overkill, but the pockets are genius.",
            "I keep a spreadsheet of cost per wear. The @nordic_knits sweater is at €0.40 and falling.",
            "Six-month review of the bowls from @clay_and_co: still my favourite thing in the kitchen.",
            "The night cream from @glow_botanics lasted me four months. Worth the price, honestly.",
        ),
        ("slowfashion", "review", "buylessbuybetter"),
        ("This is so helpful", "Cost per wear spreadsheet, iconic", "Agree about the fit", "Adding it to my list"),
        ("Happy to help!", "Ha, it's a whole system", "Right?!"),
    ),
    PostKind(
        "room", "room",
        (
            "The flat finally feels like home. The {color} sofa was second-hand, the lamp was €15.",
            "Evening light in the living room. Still missing a rug that isn't from my parents' attic.",
            "Budget living room update: new cushions, same {color} sofa.",
            "Moved the sofa four times this week. This is it. Probably.",
            "Lamp on, tea made, {color} sofa, not moving until Monday.",
            "Swapped the big light for a floor lamp and the room changed completely.",
            "Cushion count is now seven. Is that too many? Don't answer.",
            "Framed three postcards for €9. Gallery wall, done.",
        ),
        ("homedecor", "cozy", "tinyflat", "budgetliving"),
        ("So cosy!", "Where is the lamp from?", "That sofa colour 😍", "Looks like a magazine", "Rug tip: check flea markets"),
        ("Flea market find!", "Thank you, it took months", "Good tip, will look this weekend"),
    ),
    PostKind(
        "plant", "plant",
        (
            "My {subject} put out a new leaf and I told everyone I know.",
            "Repotted the {subject} into a {color} pot. It approves.",
            "Morning light on the {subject}. The cat has been warned.",
            "{subject} update: still alive, thriving even. Who am I.",
            "Propagation station says hi. This {subject} started as one cutting.",
            "Found this {subject} reduced to €4 and now look at it.",
            "New pot for the {subject}. I think {color} suits it.",
            "The {subject} has outgrown its corner. Time for a bigger {color} pot.",
            "Rotating the {subject} a quarter turn every week. It's working.",
            "Window seat reserved for the {subject}.",
            "Spot the new leaf on the {subject}.",
        ),
        ("plantparent", "houseplants", "homedecor", "urbanjungle"),
        ("So healthy!", "What's your watering routine?", "Mine is dying, help", "That pot 😍", "Jealous of your light"),
        ("Once a week, less in winter", "More light and less water, usually", "Thank you! 🌿"),
    ),
    PostKind(
        "plant_text", None,
        (
            "The cat knocked over the pothos. Again. We're in negotiations.",
            "Unpopular opinion: snake plants are the best plants. They forgive everything.",
            "Overwatering is love, just the wrong kind.",
            "Winter plant care: less water, more light, lower expectations.",
            "Bought a moisture meter. Turns out I was drowning everything.",
            "Plant swap at the library on Saturday. Bringing pothos cuttings for everyone.",
            "Named the new fiddle leaf fig Philippa. She is dramatic already.",
        ),
        ("plantparent", "houseplants"),
        _TEXT_COMMENTS + ("Cat tax please 🐱", "Snake plant supremacy"),
    ),
    PostKind(
        "pots", "ceramic",
        (
            "New {color} {subject} from {shop}. It lives on the windowsill now.",
            "Can't stop buying {subject}s. This {color} one was a must.",
            "Coffee tastes better from a {color} {subject}. Science.",
            "Birthday present to myself: a {color} {subject} from {shop}.",
        ),
        ("ceramics", "handmade", "homedecor"),
        ("Beautiful glaze", "Where from?", "I have the same one!", "Your collection is growing 😄"),
        ("From {shop}!", "Twins!", "It's a problem, I know"),
        shop="clay_and_co",
    ),
    PostKind(
        "pottery", "ceramic",
        (
            "Threw my first {subject} this weekend. It's wonky. I love it.",
            "Pottery class week {n}: a {color} {subject} that actually stands up straight.",
            "Glazed this {subject} {color} and it came out better than I hoped.",
        ),
        ("pottery", "ceramics", "handmade"),
        ("Wonky is charming!", "This is great for week {n}", "Proud of you!", "Teach me"),
        ("Thanks! Addicted now", "Haha, come to class!"),
        subjects=("mug", "bowl"),
    ),
    PostKind(
        "cooking", "skillet",
        (
            "Sunday {subject} in the old skillet. Thirty years of seasoning does the work.",
            "{subject} for four, one pan, no regrets.",
            "Cast iron tip: dry it on the hob, a drop of oil, done. Tonight: {subject}.",
            "Breakfast for dinner: {subject}.",
            "{subject} straight from the pan, because fewer dishes.",
        ),
        ("castiron", "homecooking", "foodie", "weekendcooking"),
        ("Recipe please!", "That looks amazing", "Coming over", "Which skillet is that?", "Need this now"),
        ("Recipe in my next post!", "An old one from my grandfather", "Door's open 😄"),
    ),
    PostKind(
        "cooking_text", None,
        (
            "Hot take: your cast iron is not ruined. Scrub, dry, oil, cook.",
            "Best kitchen purchase under €30: a good bench scraper. Fight me.",
            "Sourdough starter is 3 years old today. Its name is Gerald.",
            "Meal prep Sunday: three soups, one very happy freezer.",
            "Made stock from the week's vegetable scraps. Free flavour.",
            "Kitchen knife sharpened for the first time in a year. I'm a new cook.",
        ),
        ("castiron", "homecooking", "foodie"),
        _TEXT_COMMENTS + ("Happy birthday Gerald!", "Bench scraper gang"),
    ),
    PostKind(
        "run", "mountains",
        (
            "{km} km on {place} this morning. Legs: gone. Views: worth it.",
            "Sunset miles: {elev} m of climbing and one very judgy goat.",
            "Long run done. {km} km, {elev} m up, one snack too few.",
            "Chasing the light on {place}.",
            "Recovery run that turned into {km} km because of that view.",
            "Up {place} before work. {elev} m, one sunrise, zero regrets.",
            "Hill repeats on {place}. Five of them. Never again. See you next week.",
            "New shoes, old trail, {km} km.",
        ),
        ("trailrunning", "runhappy", "outdoors", "mountains"),
        ("Beast!", "What a view", "How long did it take?", "The goat 😂", "Which route is that?"),
        ("About three hours with stops", "{place}, the north loop", "The goat won"),
    ),
    PostKind(
        "gear_talk", None,
        (
            "Shoe review after 300 km: grip still great, upper starting to fray. Thoughts, {shop}?",
            "Unpopular opinion: you don't need a watch to run. You need shoes and a reason.",
            "Race in {month}. Training plan says rest day. Legs say rest week.",
            "Question for trail people: poles or no poles on steep stuff?",
            "Ran in the rain today and remembered why I love it. Nobody else out there.",
            "New rule: no running app for a week. Just running.",
            "Blister update: healing. Lesson: break in new shoes before a 30 km day.",
        ),
        ("trailrunning", "gear", "runhappy"),
        _TEXT_COMMENTS + ("Poles, always", "No poles, use your hands 😄", "Good luck in {month}!"),
        shop="sunpeak_outdoor",
    ),
    PostKind(
        "shelfie", "shelf",
        (
            "My whole routine: cleanser, {subject}, sunscreen. Three steps, no more.",
            "Shelfie! Everything here is {color} glass and half of it is from {shop}.",
            "Finished the {subject}. Rebuying, obviously.",
            "Decluttered the bathroom: if I didn't use it this month, it's gone.",
            "Skin is calm, routine is boring. Exactly how it should be.",
            "Bathroom shelf after the big declutter. Only what I actually use.",
            "Morning routine in three bottles and two minutes.",
            "The {subject} in {color} glass is the prettiest thing in my bathroom.",
        ),
        ("skincare", "minimalskincare", "selfcare"),
        ("Love a short routine", "Which sunscreen?", "So tidy!", "Is the {subject} good for dry skin?"),
        ("The mineral one, no white cast", "Yes, very gentle", "Thank you!"),
        shop="glow_botanics",
    ),
    PostKind(
        "skin_text", None,
        (
            "You don't need a ten-step routine. You need sunscreen and sleep.",
            "Ingredient lists are shorter than my shopping lists now and my skin has never been better.",
            "Friendly reminder to check the expiry dates in your bathroom cabinet.",
            "Patch test everything. Yes, everything. Ask me how I know.",
            "Drank more water this month and my skin noticed before I did.",
            "The most underrated skincare product is a clean pillowcase.",
            "Swapped my cleanser for an oil one and I'm not going back.",
        ),
        ("skincare", "minimalskincare", "selfcare"),
        _TEXT_COMMENTS,
    ),
    PostKind(
        "flat_text", None,
        (
            "Tiny flat update: found a desk on the street, sanded it, it's perfect.",
            "Does anyone know where to find cheap plant pots? Asking for my pothos. {shop}?",
            "Month three in the new city. Know the baker, the bus driver and every second-hand shop.",
            "Budget tip: flea market on Sunday mornings, right before they pack up.",
            "Curtains up. I am basically an interior designer now.",
            "Painted the hallway. Two coats, one ruined shirt, zero regrets.",
        ),
        ("tinyflat", "budgetliving", "homedecor"),
        _TEXT_COMMENTS + ("Welcome to the city!", "Which flea market?"),
        shop="clay_and_co",
    ),
    # --- staff -----------------------------------------------------------------------------------
    PostKind(
        "community", None,
        (
            "Reminder: be kind in the comments, and use Report for spam. We read every report.",
            "Welcome to everyone who joined this week! Tell us what you're making.",
            "Community tip: tag your posts so people can find them, like #ceramics or #plantparent.",
            "Thank you for keeping this place friendly. Three spam accounts gone this week thanks to your reports.",
            "Shops: please say in your post when something is an ad or a gift. Honesty keeps this place good.",
        ),
        ("community",),
        ("Thanks Rosa!", "Love this community", "👏", "Thanks for all you do"),
        ("Thank you all 💛", "That's what we're here for"),
    ),
    PostKind(
        "announcement", None,
        (
            "New on socialshop: save posts with the bookmark and find them under Saved.",
            "We fixed the bug that made some photos load twice. Thanks for the reports!",
            "Say hi to our sellers: @nordic_knits, @clay_and_co, @sunpeak_outdoor and @glow_botanics.",
            "Photos in posts now load faster on slow connections. Tell us if anything looks off.",
        ),
        ("announcements", "community"),
        ("Yay!", "Love the saved posts feature", "Works great, thanks", "🎉"),
        ("Glad you like it!", "Thanks for the feedback"),
    ),
    PostKind(
        "desk_plant", "plant",
        ("The office {subject} survived another release. Unlike my sleep schedule.",),
        ("plantparent", "community"),
        ("The real MVP", "Water it!", "😂"),
        ("It's doing better than us", "Noted 😅"),
    ),
)}

# What each persona posts over the three weeks, and how many of each (at scale 1).
SCHEDULE: dict[str, tuple[tuple[str, int], ...]] = {
    "mara": (("ootd", 5), ("coffee", 3), ("review", 6), ("bag", 3), ("room", 2), ("plant", 1)),
    "theo": (("run", 8), ("gear_talk", 6), ("gear_flatlay", 4)),
    "priya": (("plant", 7), ("pots", 5), ("plant_text", 6)),
    "jonas": (("cooking", 7), ("pottery", 4), ("cooking_text", 5)),
    "lucia": (("shelfie", 8), ("skin_text", 6), ("bag", 2)),
    "sam": (("room", 6), ("plant", 4), ("flat_text", 6)),
    "nordic_knits": (("knit_product", 13), ("knit_news", 9)),
    "clay_and_co": (("ceramic_product", 13), ("ceramic_news", 9)),
    "sunpeak_outdoor": (("trail_photo", 9), ("gear_flatlay", 4), ("gear_news", 9)),
    "glow_botanics": (("skincare_product", 13), ("skincare_news", 9)),
    "rosa_mod": (("community", 4),),
    "alex_admin": (("announcement", 3), ("desk_plant", 1)),
}

QUOTE = PostKind(
    "quote", None, (), (),
    ("So true!", "Agree!", "Love this", "Same experience here", "👏"),
    ("Right?!", "Thank you!", "Had to share it"),
)
QUOTES_BY_SHOPPERS = (
    "Can confirm, I've had mine for a year.",
    "This is the one I bought! 👇",
    "Adding this to the birthday list 🎁 #giftideas",
    "If you've been on the fence: do it.",
)
QUOTES_BY_SELLERS = (
    "Love seeing our pieces in your home 🧡",
    "This made our whole week. Thank you!",
    "Best review we've had. Thank you for the kind words.",
)
REPLIES_BY_OTHERS = (
    "Same question!", "+1, want to know too", "Mine is great after a year", "Following for the answer",
    "Agree!", "Ha, same",
)

PLACES = ("Ridge Loop", "Pine Crest", "the Lake Trail", "Harbor Hill", "Stormfjell", "the Old Quarry Path")
MONTHS = ("January", "February", "March")
