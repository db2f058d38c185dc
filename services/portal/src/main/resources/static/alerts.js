// Live inbox: adds each new alert to the top of the list as the portal relays it (Server-Sent
// Events), and announces it to screen readers. Without JavaScript the page still lists the alerts
// when it is loaded. Text is set with textContent only: nothing from an alert is read as HTML.
const list = document.getElementById('alerts-live')
const announce = document.getElementById('alerts-announce')

function row (key, value) {
  const div = document.createElement('div')
  div.className = 'govuk-summary-list__row'
  const dt = document.createElement('dt')
  dt.className = 'govuk-summary-list__key'
  dt.textContent = key
  const dd = document.createElement('dd')
  dd.className = 'govuk-summary-list__value'
  dd.textContent = value
  div.append(dt, dd)
  return div
}

function title (alert) {
  if (alert.kind === 'DIGEST') return `${alert.total} alerts in one digest`
  if (!alert.content) return 'Update to a report you were alerted to'
  return `${alert.content.category} in ${alert.content.district}`
}

function card (alert) {
  const card = document.createElement('div')
  card.className = 'govuk-summary-card'
  card.dataset.alertId = alert.alertId
  const wrapper = document.createElement('div')
  wrapper.className = 'govuk-summary-card__title-wrapper'
  const heading = document.createElement('h2')
  heading.className = 'govuk-summary-card__title'
  heading.textContent = title(alert) + ' '
  const tag = document.createElement('strong')
  tag.className = 'govuk-tag govuk-tag--blue'
  tag.textContent = 'New'
  heading.append(tag)
  wrapper.append(heading)
  const content = document.createElement('div')
  content.className = 'govuk-summary-card__content'
  const rows = document.createElement('dl')
  rows.className = 'govuk-summary-list'
  rows.append(row('Subscription', alert.subscriptionName || ''))
  if (alert.content && alert.content.full) rows.append(row('Summary', alert.content.full.summary))
  if (alert.notice) rows.append(row('Update', alert.notice))
  content.append(rows)
  card.append(wrapper, content)
  return card
}

if (list && window.EventSource) {
  // From where the inbox stood when the page was drawn, so nothing landing since is missed.
  const from = list.dataset.streamFrom
  const source = new EventSource('/alerts/stream' + (from ? '?after=' + encodeURIComponent(from) : ''))
  source.addEventListener('alert', (event) => {
    const alert = JSON.parse(event.data)
    if (list.querySelector(`[data-alert-id="${CSS.escape(alert.alertId)}"]`)) return
    list.prepend(card(alert))
    const none = document.getElementById('no-alerts')
    if (none) none.remove()
    announce.textContent = 'New alert: ' + title(alert)
  })
}
