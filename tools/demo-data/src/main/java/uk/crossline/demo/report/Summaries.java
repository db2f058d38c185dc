package uk.crossline.demo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.crossline.demo.world.Weighted;
import uk.crossline.model.vocabulary.Category;

/**
 * The free text of the demo reports, in each profession's plain English: an opening that says what
 * was seen, sometimes a detail, sometimes what was done about it. Slots such as {@code {area}} are
 * filled from the report's own facts, so the text agrees with the structured fields. No template
 * holds a name, a number or a date, so what the intake redacts is only what a report adds on
 * purpose.
 */
final class Summaries {

  /** Who is writing, which decides the vocabulary. */
  enum Voice {
    POLICE,
    NEIGHBOURING_FORCE,
    TRADING_STANDARDS,
    SCHOOL,
    YOUTH_MENTOR,
    COUNCIL
  }

  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

  private static final Map<String, List<String>> OPENINGS =
      Map.ofEntries(
          Map.entry(
              "POLICE.DEAL_LINE",
              List.of(
                  "Intelligence indicates that {line} is advertising to users in {town} by bulk text, offering crack cocaine and heroin.",
                  "Source reports that {line} is run from the {origin} area and supplies users in {area}, with runners sent out from a local address.",
                  "Officers on patrol in {area} spoke to a known user who stated they buy from {line} most days and that the number has recently changed.",
                  "Bulk offer texts from {line} were found on a phone seized in {town}; the messages advertise two-for-one deals at weekends.",
                  "Information received that {line} is using young people from {origin} to deliver in {town}, travelling by train and taxi.",
                  "Analysis of a seized handset links {line} to users across {town}; contact peaks between early evening and the small hours.",
                  "User arrested in {area} had {line} saved in their phone and said runners arrive in a {car}.")),
          Map.entry(
              "POLICE.DRUG_DEALING",
              List.of(
                  "Street dealing reported near {area}; youths seen handing over small packages from a {car}.",
                  "Stop search in {area} found a teenager carrying wraps of suspected crack cocaine and a second phone.",
                  "Information received that drugs are being stored at an address in {area} and collected by runners from {origin}.",
                  "Community intelligence reports cars pulling up for short visits outside {shop} in {town} late at night.",
                  "Officers attended {shop}, {address}, after reports of dealing from the rear yard; staff deny any knowledge.",
                  "A {car} is seen most evenings in {area}; users approach on foot and leave within a minute.")),
          Map.entry(
              "POLICE.CUCKOOING",
              List.of(
                  "Vulnerable adult in {area} believed to have had their flat taken over by a group linked to {line}.",
                  "Welfare check at a flat in {area}: the occupant, a vulnerable adult who uses drugs, said friends from {origin} are staying and will not leave.",
                  "Neighbours in {area} report a stream of visitors at a ground floor flat; the tenant has not been seen for a week.",
                  "Partner agencies raised concern that a known vulnerable adult in {town} is being used as a base by {line}.")),
          Map.entry(
              "POLICE.EXPLOITATION_CONCERN",
              List.of(
                  "Young person stopped in {town} far from home with cash and two phones; said they were working for a friend.",
                  "Concern that a young person from {area} is being exploited by {line}; seen repeatedly with older males.",
                  "Young person found at a known drug address in {town} during a warrant; safeguarding referral made.",
                  "Young person from {area} seen getting into a {car} with older males several times after school.")),
          Map.entry(
              "POLICE.MISSING_EPISODE",
              List.of(
                  "Young person reported missing from {area} was found two days later in {elsewhere}, with no account of how they travelled.",
                  "Missing child found on a train between {elsewhere} and {town} carrying a large amount of cash.",
                  "Repeat missing young person from {town}; the return interview suggests they stayed at an address used by {line}.")),
          Map.entry(
              "POLICE.WEAPONS",
              List.of(
                  "Knife recovered during a stop search of a young male in {area} believed to be running for {line}.",
                  "Information that a runner for {line} carries a machete when delivering in {town}.",
                  "Large knife found hidden in a hedge near {area}, close to a known meeting point for users.")),
          Map.entry(
              "POLICE.VIOLENCE",
              List.of(
                  "Young person attended hospital in {town} with stab wounds; believed to be a debt-related attack linked to {line}.",
                  "Assault on a teenager in {area}; the victim will not engage and is thought to have lost a package for {line}.",
                  "Two groups fought in {area} over selling territory; one group understood to be from {origin}.")),
          Map.entry(
              "POLICE.GROOMING_TACTIC",
              List.of(
                  "Older males in a {car} seen handing out free vapes and food to school-age children in {area}.",
                  "Recruitment posts on {platform} offering easy money to young people in {town} have been linked to {line}.",
                  "Children in {area} are being offered cash to carry parcels by older teenagers linked to {line}.")),
          Map.entry(
              "POLICE.ANTI_SOCIAL_BEHAVIOUR",
              List.of(
                  "Groups gathering in {area} late at night; residents report drug use and intimidation.",
                  "Repeated anti-social behaviour outside {shop} in {town}: youths loitering and older males in cars.",
                  "Damage and drug litter in the play area at {area}; residents link it to people visiting a nearby address.")),
          Map.entry(
              "POLICE.ILLICIT_VAPES",
              List.of(
                  "Officers seized a large quantity of oversized, unbranded vapes from {shop}, {address}, during a joint visit with trading standards.",
                  "Information that {shop} in {town} is supplied with illicit vapes by a van from the West Midlands.")),
          Map.entry(
              "POLICE.VAPE_SUPPLY_TO_MINORS",
              List.of(
                  "Schoolchildren seen buying vapes at {shop} in {town} without being asked for ID.",
                  "Parents report that {shop}, {address}, sells vapes to children in school uniform.")),
          Map.entry(
              "NEIGHBOURING_FORCE.DEAL_LINE",
              List.of(
                  "West Midlands intelligence: {line} is controlled from {area} and sends runners into {target}.",
                  "Phone seized in {area} held messages for {line}, sending young people to {target} for days at a time.",
                  "Source reports that the people behind {line} meet in {area} to divide stock for {target}.")),
          Map.entry(
              "NEIGHBOURING_FORCE.DRUG_DEALING",
              List.of(
                  "Address in {area} used to store drugs for {line}; supplies are taken to {target} by car.",
                  "Stop of a {car} in {area} found cash and wraps packed for delivery to {target}.")),
          Map.entry(
              "NEIGHBOURING_FORCE.WEAPONS",
              List.of(
                  "Stop of a {car} in {area} found a large knife; the occupants are believed to run {line} into {target}.",
                  "Information that weapons for {line} are kept at an address in {area}.")),
          Map.entry(
              "NEIGHBOURING_FORCE.VIOLENCE",
              List.of(
                  "Stabbing in {area} linked to a dispute between {line} and a rival line over {target}.",
                  "Young male assaulted in {area} after a package went missing in {target}.")),
          Map.entry(
              "NEIGHBOURING_FORCE.EXPLOITATION_CONCERN",
              List.of(
                  "Young person from {target} found at an address in {area} with older males linked to {line}.",
                  "Child from {target} stopped in {area} late at night with a second phone and no explanation.")),
          Map.entry(
              "NEIGHBOURING_FORCE.MISSING_EPISODE",
              List.of(
                  "Child reported missing in {target} was found at an address in {area} used by {line}.")),
          Map.entry(
              "TRADING_STANDARDS.UNDER_AGE_SALE",
              List.of(
                  "Test purchase at {shop}, {address}: a volunteer aged {age} was sold a disposable vape with no ID check and no questions asked.",
                  "Under-age test purchase at {shop}: a volunteer aged {age} was sold a 600-puff vape by a member of staff; no refusals log is kept.",
                  "Complaint from a parent that {shop} sells vapes to pupils after school; a test purchase by a volunteer aged {age} confirmed the sale.")),
          Map.entry(
              "TRADING_STANDARDS.ILLICIT_VAPES",
              List.of(
                  "Inspection of {shop}, {address}: oversized vapes well above the legal tank size found under the counter; stock seized.",
                  "Illicit disposable vapes found at {shop} in {town}, labelled in a foreign language and not on the UK notification register.",
                  "Intelligence-led visit to {shop}: counterfeit branded vapes seized from a storeroom; staff say a man brings stock weekly by van.")),
          Map.entry(
              "TRADING_STANDARDS.NON_COMPLIANT_VAPES",
              List.of(
                  "Non-compliant vapes at {shop}: nicotine strength above the legal limit and no health warnings.",
                  "{shop}, {address}: refillable tanks over the permitted size on open display; advice given and stock removed.")),
          Map.entry(
              "TRADING_STANDARDS.SUSPECTED_FACILITATION",
              List.of(
                  "During a visit to {shop}, {address}, officers saw young people collecting packages from behind the counter; passed to police.",
                  "Staff at {shop} appear to hold parcels for youths who arrive by car; concerns shared with police.",
                  "{shop} in {town} trades at odd hours with little stock; visitors arrive briefly and leave. Suspected front for dealing.")),
          Map.entry(
              "TRADING_STANDARDS.NO_ISSUE_FOUND",
              List.of(
                  "Test purchase at {shop}, {address}: the volunteer aged {age} was refused and asked for ID. Good practice noted.",
                  "Follow-up visit to {shop}: no illicit stock found and a refusals log is in use.")),
          Map.entry(
              "SCHOOL.EXPLOITATION_CONCERN",
              List.of(
                  "{year} pupil has come into school with new trainers, a second phone and cash they cannot explain.",
                  "{year} pupil seen being collected at the school gate by older males in a {car}.",
                  "Staff are concerned that a {year} pupil from {area} is being used to carry packages; the pupil said they owe someone money.",
                  "{year} pupil told a teacher they had been asked to go to {elsewhere} for a few days for money.")),
          Map.entry(
              "SCHOOL.GROOMING_TACTIC",
              List.of(
                  "{year} pupils report that older teenagers near {area} are giving out free vapes and asking them to do jobs.",
                  "A pupil showed staff messages from a {platform} account offering money for easy work; several pupils in {year} had the same message.",
                  "Older boys waiting outside the school at home time are offering lifts and food to {year} pupils.")),
          Map.entry(
              "SCHOOL.MISSING_EPISODE",
              List.of(
                  "{year} pupil missing from school for three days; the parent says the child was away overnight and came back with a new phone.",
                  "{year} pupil left school at lunchtime and was later found in {elsewhere}; unable to say how they got there.",
                  "{year} pupil's attendance has dropped sharply this term and the family have reported them missing twice.")),
          Map.entry(
              "SCHOOL.VAPE_SUPPLY_TO_MINORS",
              List.of(
                  "Several {year} pupils say they buy vapes from a shop in {town} that never asks for ID; vapes are being sold on in school.",
                  "{year} pupils found with large disposable vapes; they say older teenagers hand them out for free near {area}.")),
          Map.entry(
              "YOUTH_MENTOR.EXPLOITATION_CONCERN",
              List.of(
                  "Young person on the programme told their mentor they have been working for older lads and now owe them money.",
                  "Mentor noticed the young person has a new phone that rings constantly during sessions; they leave to take calls outside.",
                  "Young person disclosed being driven to {elsewhere} by older males and left there to sell for a weekend.")),
          Map.entry(
              "YOUTH_MENTOR.GROOMING_TACTIC",
              List.of(
                  "Young person says a {platform} account has been messaging them offering cash for drops.",
                  "Older males are buying food and vapes for young people who hang around {area}; two on the programme have been approached.",
                  "Young person was given a free phone and told they could pay it back later.")),
          Map.entry(
              "YOUTH_MENTOR.MISSING_EPISODE",
              List.of(
                  "Young person missed mentoring sessions for two weeks; the family say they have been staying out overnight.",
                  "Young person came back from a missing episode with injuries they would not explain and a large amount of cash.")),
          Map.entry(
              "YOUTH_MENTOR.VAPE_SUPPLY_TO_MINORS",
              List.of(
                  "Young people on the programme say vapes are handed out free by older teenagers near {area} as a way in.")),
          Map.entry(
              "COUNCIL.ANTI_SOCIAL_BEHAVIOUR",
              List.of(
                  "Residents of {area} report groups gathering late at night, drug litter and intimidation of passers-by.",
                  "Repeated complaints about youths loitering outside {shop} in {town}, with cars pulling up briefly.",
                  "Neighbourhood wardens found needles and small bags in the stairwell of a block in {area}.",
                  "Noise and visitors at all hours reported at a property in {area}; the tenant is known to be vulnerable.")),
          Map.entry(
              "COUNCIL.CUCKOOING",
              List.of(
                  "Housing officer visited a flat in {area}; the tenant, a vulnerable adult, seemed frightened and said friends from {origin} are staying.",
                  "Neighbour reports that a vulnerable tenant in {area} has not been seen for a fortnight while visitors come and go all night.",
                  "Tenancy support worker believes a flat in {area} is being used to deal from; the tenant owes money to the people staying.")),
          Map.entry(
              "COUNCIL.EXPLOITATION_CONCERN",
              List.of(
                  "Community safety team told that young people from outside the area are staying at a flat in {area} and selling from it.",
                  "A parent contacted the council worried that their teenage son is being picked up by strangers in a {car}.")),
          Map.entry(
              "COUNCIL.DRUG_DEALING",
              List.of(
                  "Residents of {area} report dealing from a {car} that parks up each evening for short visits.",
                  "Reports of dealing from the rear of {shop}, {address}; young people seen collecting packages.",
                  "Users seen queuing at a property in {area}; callers arrive on foot and leave within minutes.")));

  private static final Map<Category, List<String>> DETAILS =
      Map.ofEntries(
          Map.entry(
              Category.DEAL_LINE,
              List.of(
                  "Users say the number has changed at least once in recent months.",
                  "Runners are thought to be aged between fifteen and seventeen.",
                  "Deals are advertised by text every afternoon.")),
          Map.entry(
              Category.DRUG_DEALING,
              List.of(
                  "Activity is heaviest after dark.", "Runners appear to change every few weeks.")),
          Map.entry(
              Category.CUCKOOING,
              List.of(
                  "The door has been damaged and the locks changed.",
                  "The tenant is in debt to the group and too frightened to ask them to leave.")),
          Map.entry(
              Category.EXPLOITATION_CONCERN,
              List.of(
                  "Their behaviour has changed noticeably and they are withdrawn.",
                  "They have stopped attending activities they used to enjoy.")),
          Map.entry(
              Category.GROOMING_TACTIC,
              List.of(
                  "The approach starts with gifts and moves on to small favours.",
                  "Young people are told the gifts must be paid back.")),
          Map.entry(
              Category.MISSING_EPISODE,
              List.of(
                  "This is not the first episode this year.",
                  "They returned tired and hungry and would not say where they had been.")),
          Map.entry(Category.WEAPONS, List.of("The weapon has been retained for examination.")),
          Map.entry(Category.VIOLENCE, List.of("The victim is not supporting a prosecution.")),
          Map.entry(
              Category.ANTI_SOCIAL_BEHAVIOUR,
              List.of("Residents say they are afraid to report it.")),
          Map.entry(
              Category.VAPE_SUPPLY_TO_MINORS,
              List.of("The vapes are bright, sweet-flavoured and cheap.")),
          Map.entry(Category.ILLICIT_VAPES, List.of("Products carry no UK importer details.")));

  private static final Map<Voice, List<String>> CLOSINGS =
      Map.of(
          Voice.POLICE,
          List.of(
              "Further intelligence sought.",
              "Shared with the local neighbourhood team.",
              "Research ongoing.",
              "Safeguarding referral submitted."),
          Voice.NEIGHBOURING_FORCE,
          List.of(
              "Shared with West Mercia for awareness.",
              "Cross-border tasking requested.",
              "Research ongoing."),
          Voice.TRADING_STANDARDS,
          List.of(
              "Warning letter issued.",
              "Premises will be revisited.",
              "Matter referred to the licensing team.",
              "Advice given to the manager."),
          Voice.SCHOOL,
          List.of(
              "DSL informed and referral made to children's services.",
              "Parents informed.",
              "Discussed at the school's safeguarding meeting."),
          Voice.YOUTH_MENTOR,
          List.of(
              "Mentor will keep in close contact.",
              "Referral made to children's services.",
              "Shared with the young person's social worker."),
          Voice.COUNCIL,
          List.of(
              "Referred to the local policing team.",
              "Tenancy enforcement is being considered.",
              "To be discussed at the community safety tasking meeting."));

  private Summaries() {}

  /**
   * A summary for the voice and topic, from the templates whose slots this report can fill. Where
   * the report names a shop, a template that names it is preferred.
   *
   * @param topic the category, or for trading standards the finding
   */
  static String write(
      Voice voice,
      String topic,
      Category category,
      Map<String, String> slots,
      RandomGenerator random) {
    List<String> templates = OPENINGS.get(voice + "." + topic);
    if (templates == null) {
      throw new IllegalArgumentException("no summaries for " + voice + "." + topic);
    }
    List<String> fillable = new ArrayList<>();
    for (String template : templates) {
      if (slots.keySet().containsAll(slotsOf(template))) {
        fillable.add(template);
      }
    }
    if (slots.containsKey("shop")) {
      List<String> naming = fillable.stream().filter(t -> t.contains("{shop}")).toList();
      if (!naming.isEmpty()) {
        fillable = naming;
      }
    }
    if (fillable.isEmpty()) {
      throw new IllegalArgumentException(
          "no summary for "
              + voice
              + "."
              + topic
              + " fits the slots "
              + new TreeSet<>(slots.keySet()));
    }
    var text = new StringBuilder(fill(Weighted.any(fillable, random), slots));
    List<String> details = DETAILS.getOrDefault(category, List.of());
    if (!details.isEmpty() && Weighted.chance(0.35, random)) {
      text.append(' ').append(Weighted.any(details, random));
    }
    if (Weighted.chance(0.5, random)) {
      text.append(' ').append(Weighted.any(CLOSINGS.get(voice), random));
    }
    return capitalised(text.toString());
  }

  static Set<String> slotsOf(String template) {
    Set<String> slots = new TreeSet<>();
    Matcher m = SLOT.matcher(template);
    while (m.find()) {
      slots.add(m.group(1));
    }
    return slots;
  }

  /** Every template, for tests that check them all. */
  static List<String> allTemplates() {
    List<String> all = new ArrayList<>();
    OPENINGS.values().forEach(all::addAll);
    DETAILS.values().forEach(all::addAll);
    CLOSINGS.values().forEach(all::addAll);
    return all;
  }

  private static String fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    var out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(slots.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
