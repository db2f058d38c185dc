package uk.crossline.demo.world;

import java.util.List;
import java.util.stream.Stream;

/**
 * A county line: a branded phone number through which a group from a West Midlands district sells
 * drugs in North Worcestershire towns, with the runners, cars and recruitment accounts it uses.
 *
 * <p>Times are fractions of the demo period: 0 is its start (18 months before the as-of date), 1
 * its end. Lines burn their number and switch to a new one now and then, which is why a line has
 * two deal-line phones and the one reported depends on when.
 *
 * @param name what users and police call the line, e.g. "Milo"
 * @param sourceDistricts the West Midlands districts its people come from and are seen in
 * @param targetDistricts the districts it sells in
 * @param switchAt when the first number was dropped for the second
 */
public record DealLine(
    String name,
    String originTown,
    List<String> sourceDistricts,
    List<String> targetDistricts,
    double startsAt,
    double endsAt,
    double switchAt,
    Identifier firstNumber,
    Identifier secondNumber,
    Identifier runnerPhone,
    List<Identifier> vehicles,
    List<Identifier> handles) {

  public DealLine {
    sourceDistricts = List.copyOf(sourceDistricts);
    targetDistricts = List.copyOf(targetDistricts);
    vehicles = List.copyOf(vehicles);
    handles = List.copyOf(handles);
  }

  /** The deal-line number in use at that time. */
  public Identifier numberAt(double time) {
    return time < switchAt ? firstNumber : secondNumber;
  }

  /** A time when the line ran, drawn evenly from its active period. */
  public double timeWithin(double fraction) {
    return startsAt + (endsAt - startsAt) * fraction;
  }

  /** As reports write it. */
  public String label() {
    return "the '" + name + "' line";
  }

  /** Every identifier of the line. */
  public List<Identifier> identifiers() {
    return Stream.of(List.of(firstNumber, secondNumber, runnerPhone), vehicles, handles)
        .flatMap(List::stream)
        .toList();
  }
}
