package uk.crossline.model.vocabulary;

/** Signs of exploitation that practitioners are trained to notice; a report may carry several. */
public enum Indicator {
  FREE_OR_CHEAP_VAPES("Free or cheap vapes"),
  UNEXPLAINED_GIFTS_OR_MONEY("Unexplained gifts or money"),
  NEW_PHONE("New or multiple phones"),
  OLDER_ASSOCIATES("Older associates"),
  TRAVEL_OUT_OF_AREA("Travel out of area"),
  MISSING_FROM_HOME_OR_SCHOOL("Missing from home or school"),
  DEBT_BONDAGE("Debt bondage"),
  AFFLUENT_AREA_TARGETING("Targeting of young people from affluent areas"),
  SOCIAL_MEDIA_RECRUITMENT("Recruitment through social media"),
  SUBSTANCE_USE("Substance use"),
  CHANGE_IN_BEHAVIOUR("Change in behaviour or appearance"),
  UNEXPLAINED_INJURIES("Unexplained injuries"),
  CARRYING_WEAPON("Carrying a weapon"),
  VISITORS_AT_ALL_HOURS("Visitors at all hours"),
  UNDER_AGE_SALE("Sale to a person under 18"),
  NON_COMPLIANT_PRODUCT("Non-compliant or counterfeit product");

  private final String label;

  Indicator(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
